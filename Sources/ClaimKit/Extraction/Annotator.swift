/// One pipeline component: reads earlier layers of a document and adds its own.
/// Annotators are values, built once from the lexicon and shared across threads.
public protocol Annotator: Sendable {
    var name: String { get }
    func annotate(_ doc: inout AnnotatedDocument)
}
