import MuniscanCLI

await MuniscanCommand.main()
