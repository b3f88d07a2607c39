import CTIOSConfiguration
import Testing

struct ConfigurationFileTests {
    struct Settings: Codable, Equatable {
        struct Link: Codable, Equatable {
            var host: String
            var port: Int
        }
        var name: String
        var rate: Double = 1.5
        var links: [Link] = []

        enum CodingKeys: String, CodingKey { case name, rate, links }

        init(name: String, rate: Double = 1.5, links: [Link] = []) {
            self.name = name
            self.rate = rate
            self.links = links
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            rate = try container.decodeIfPresent(Double.self, forKey: .rate) ?? 1.5
            links = try container.decodeIfPresent([Link].self, forKey: .links) ?? []
        }
    }

    @Test func decodesAndTakesDefaultsForMissingKeys() throws {
        let settings = try ConfigurationFile.decode(Settings.self, yaml: "name: lab\nlinks:\n  - host: a\n    port: 1\n", source: "t.yaml")
        #expect(settings == Settings(name: "lab", rate: 1.5, links: [.init(host: "a", port: 1)]))
    }

    @Test func anUnknownKeyIsNamed() {
        let error = #expect(throws: ConfigurationFileError.self) {
            try ConfigurationFile.decode(Settings.self, yaml: "name: lab\nlinks:\n  - host: a\n    port: 1\n    prot: 2\n", source: "t.yaml")
        }
        #expect(error?.key == "links[0].prot")
        #expect(error?.description == "t.yaml: configuration key links[0].prot: unknown key")
    }

    @Test func aWrongTypeIsNamed() {
        let error = #expect(throws: ConfigurationFileError.self) {
            try ConfigurationFile.decode(Settings.self, yaml: "name: lab\nrate: fast\n", source: "t.yaml")
        }
        #expect(error?.key == "rate")
        #expect(error?.message == "expected a number")
    }

    @Test func aMissingRequiredKeyIsNamed() {
        let error = #expect(throws: ConfigurationFileError.self) {
            try ConfigurationFile.decode(Settings.self, yaml: "rate: 2\n", source: "t.yaml")
        }
        #expect(error?.key == "name")
        #expect(error?.message == "required key missing")
    }

    @Test func aMissingFileIsAnError() {
        let error = #expect(throws: ConfigurationFileError.self) {
            try ConfigurationFile.load(Settings.self, from: "/nonexistent/ctios.yaml")
        }
        #expect(error?.description.hasPrefix("/nonexistent/ctios.yaml: cannot read the file") == true)
    }
}
