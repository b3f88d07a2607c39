import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A few-line HTTP client for the admin APIs of `ctios sim` and `ctios server`.
public enum AdminClient {
    public static func get(_ url: String) async throws -> (status: Int, body: Data) {
        try await send(URLRequest(url: URL(string: url)!))
    }

    public static func post(_ url: String, json: String) async throws -> (status: Int, body: Data) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(json.utf8)
        return try await send(request)
    }

    private static func send(_ request: URLRequest) async throws -> (status: Int, body: Data) {
        var request = request
        request.timeoutInterval = 5
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }
}
