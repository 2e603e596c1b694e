/// First pipeline step: tokens and sentences.
public struct SentenceAnnotator: Annotator {
    public let name = "sentences"
    let splitter: SentenceSplitter

    public init(lexicon: Lexicon = .shared) {
        splitter = SentenceSplitter(lexicon: lexicon)
    }

    public func annotate(_ doc: inout AnnotatedDocument) {
        doc.tokens = Tokenizer.tokenize(doc.bytes)
        doc.sentences = splitter.split(tokens: doc.tokens, bytes: doc.bytes)
        doc.sentenceSource = Array(repeating: nil, count: doc.sentences.count)
        doc.sentenceModality = Array(repeating: .asserted, count: doc.sentences.count)
        doc.sentenceEvent = Array(repeating: nil, count: doc.sentences.count)
    }
}
