import Hummingbird
import Logging
import NIOCore

/// Turns every error below it (handler errors, the router's not-found, body limits) into a JSON error response,
/// so a client always gets a status and a clear message, and logs it: 5xx at `error`, 4xx at `debug`.
struct AdminErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let adminError = Self.adminError(for: error, method: request.method.rawValue, path: request.uri.path)
            let metadata: Logger.Metadata = [
                "admin.method": "\(request.method.rawValue)",
                "admin.path": "\(request.uri.path)",
                "admin.status": "\(adminError.status)",
                "admin.error": "\(adminError.message)",
            ]
            if adminError.status >= 500 {
                self.logger.error("admin request failed", metadata: metadata)
            } else {
                self.logger.debug("admin request refused", metadata: metadata)
            }
            return Response.adminError(adminError)
        }
    }

    /// Maps any error to the ``AdminHTTPError`` the client sees.
    static func adminError(for error: any Error, method: String, path: String) -> AdminHTTPError {
        switch error {
        case let error as AdminHTTPError:
            return error
        case let error as HTTPError where error.status == .notFound:
            return AdminHTTPError(.notFound, "no route for \(method) \(path)")
        case let error as HTTPError:
            let code = error.status.code >= 400 && error.status.code <= 599
                ? AdminHTTPError.Code(Self.snakeCase(error.status.reasonPhrase), status: error.status.code)
                : .internalError
            return AdminHTTPError(code, "\(method) \(path): \(error.body ?? error.status.reasonPhrase)")
        case is NIOTooManyBytesError:
            return AdminHTTPError(.payloadTooLarge, "\(method) \(path): the request body is too large")
        default:
            return AdminHTTPError(.internalError, "\(method) \(path) failed: \(error)")
        }
    }

    private static func snakeCase(_ phrase: String) -> String {
        let words = phrase.lowercased().split { !$0.isLetter && !$0.isNumber }
        return words.isEmpty ? "error" : words.joined(separator: "_")
    }
}

extension Response {
    /// A JSON response of `value` (sorted keys).
    static func adminJSON(status: HTTPResponse.Status, _ value: some Encodable) -> Response {
        let bytes = (try? AdminJSON.encode(value)) ?? Array(#"{"error":{"code":"internal_error","message":"response could not be encoded"}}"#.utf8)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The JSON error response of `error`: its status and `{"error":{"code":…,"message":…}}`.
    static func adminError(_ error: AdminHTTPError) -> Response {
        .adminJSON(status: .init(code: error.status), error.body)
    }
}
