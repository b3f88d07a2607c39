import CTIOSTestKit
import CTIOSCore
import CTIOSServer
import CTIOSWire
import Foundation

/// The JSON lines the apps print, parsed.
struct JSONLines {
    var objects: [[String: Any]]

    init(_ text: String) {
        objects = text.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }

    /// `type: event` lines' names, in order.
    var eventNames: [String] { objects.filter { $0["type"] as? String == "event" }.compactMap { $0["name"] as? String } }
    /// `type: result` lines: command, ok, and the error when not ok.
    var results: [(command: String, ok: Bool, error: String)] {
        objects.filter { $0["type"] as? String == "result" }.map {
            ($0["command"] as? String ?? "?", $0["ok"] as? Bool ?? false,
             "\($0["code"] as? String ?? "") \($0["reason"] as? String ?? "")")
        }
    }
    /// `type: view` lines' objects.
    var views: [[String: Any]] { objects.filter { $0["type"] as? String == "view" }.compactMap { $0["objects"] as? [String: Any] } }
}

/// Objects as the apps and `/v1/state` print them: JSON, by UniqueObjectID.
func jsonObjects(_ objects: [UniqueObjectID: Arguments]) throws -> [String: Any] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let encodable = Dictionary(uniqueKeysWithValues: objects.map { ($0.key.description, ArgumentsJSON($0.value)) })
    return try JSONSerialization.jsonObject(with: try encoder.encode(encodable)) as? [String: Any] ?? [:]
}

/// An app's JSON view against the truth rendered the same way: every object on either side and, for each, every
/// property on either side, compared as canonical JSON text.
func compare(view: [String: Any], truth: [String: Any]) -> [CacheDifference] {
    func text(_ value: Any?) -> String {
        guard let value else { return "absent" }
        if let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys]) {
            return String(decoding: data, as: UTF8.self)
        }
        return "\(value)"
    }
    var differences: [CacheDifference] = []
    for id in Set(view.keys).union(truth.keys).sorted() {
        guard let mine = view[id] as? [String: Any] else {
            differences.append(CacheDifference(object: id, field: "", cache: "absent", truth: "present"))
            continue
        }
        guard let theirs = truth[id] as? [String: Any] else {
            differences.append(CacheDifference(object: id, field: "", cache: "present", truth: "absent"))
            continue
        }
        for key in Set(mine.keys).union(theirs.keys).sorted() where text(mine[key]) != text(theirs[key]) {
            differences.append(CacheDifference(object: id, field: key, cache: text(mine[key]), truth: text(theirs[key])))
        }
    }
    return differences
}
