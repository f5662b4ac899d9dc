/// Turns one account file of the sources into an `Account`, reading it from disk when needed.
enum AccountReader {
    static func read(_ source: InventorySources.AccountFile) -> Account {
        switch source.content {
        case let .bytes(bytes):
            return AccountParser.parse(bytes, file: source.path, folder: source.folder, fileName: source.fileName)
        case let .disk(path):
            do {
                let bytes = try FileBytes.read(path, limit: FileLimits.accountFileBytes)
                return AccountParser.parse(bytes, file: source.path, folder: source.folder, fileName: source.fileName)
            } catch {
                var account = Account(file: source.path, folder: source.folder)
                account.schemaProblems.append(Problem(file: source.path, location: .startOfFile,
                                                      message: error.message(what: "an account file", limit: FileLimits.accountFileBytes)))
                return account
            }
        case let .parsed(account):
            return account
        case let .refused(problem):
            var account = Account(file: source.path, folder: source.folder)
            account.schemaProblems.append(problem)
            return account
        }
    }
}
