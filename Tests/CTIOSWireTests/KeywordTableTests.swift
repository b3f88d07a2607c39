import CTIOSWire
import Foundation
import Testing

struct KeywordTableTests {
    /// The table in Docs/Protocol.md ("| 1 | `UniqueObjectID` |" cells between the table's markers) is the one the code uses: the spec is
    /// checked, and a v1 number cannot change without the docs (and a new protocol version) changing too.
    @Test func theVersion1TableIsTheOneInTheSpec() throws {
        let spec = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Docs/Protocol.md")
        let text = try String(contentsOf: spec, encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- keyword-table-begin -->"))
        let end = try #require(text.range(of: "<!-- keyword-table-end -->"))
        var documented: [(Int, String)] = []
        for line in text[begin.upperBound ..< end.lowerBound].split(separator: "\n") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            // Rows of the keyword table: number, `Name`, and possibly more cells.
            var index = 0
            while index + 1 < cells.count {
                if let number = Int(cells[index]), cells[index + 1].hasPrefix("`"), cells[index + 1].hasSuffix("`") {
                    documented.append((number, String(cells[index + 1].dropFirst().dropLast())))
                    index += 2
                } else {
                    index += 1
                }
            }
        }
        let table = KeywordTable.v1
        #expect(documented.count == table.count)
        for (number, name) in documented {
            #expect(table.keyword(for: UInt16(number))?.name == name, "number \(number)")
        }
    }

    @Test func pinnedNumbers() {
        let table = KeywordTable.v1
        #expect(table.version == .v1)
        #expect(table.count == 148)
        #expect(table.number(for: .uniqueObjectID) == 1)
        #expect(table.number(for: .agentState) == 2)
        #expect(table.number(for: .failureCode) == 63)
        #expect(table.number(for: .agentPassword) == 64)
        #expect(table.number(for: .lastError) == 145)
        #expect(table.number(for: .callVariable(10)) == 36)
        #expect(table.number(for: " agentid ") == 3)
        #expect(table.number(for: "NotAKeyword") == nil)
        #expect(table.keyword(for: 0) == nil)
        #expect(table.keyword(for: 149) == nil)
        #expect(KeywordTable.table(for: .v1) === table)
        #expect(KeywordTable.table(for: 2) == nil)
        #expect(KeywordTable.current === table)
    }

    @Test func namesAreUniqueIgnoringCase() {
        let names = KeywordTable.v1.keywords.map { $0.name.lowercased() }
        #expect(Set(names).count == names.count)
    }
}
