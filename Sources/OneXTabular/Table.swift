import Foundation

/// Reads an uploaded table, whatever its format: XLSX by its ZIP signature, otherwise CSV text.
public enum Table {
    public struct ReadError: Error, Sendable, Equatable {
        public var message: String
    }

    public static func read(_ data: Data) throws(ReadError) -> [[String]] {
        if XLSX.looksLikeXLSX(data) {
            do { return try XLSX.read(data) } catch { throw ReadError(message: error.message) }
        }
        do {
            return CSV.parse(try TextDecoding.decode(data))
        } catch {
            throw ReadError(message: error.message)
        }
    }
}
