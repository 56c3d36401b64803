// A custom entry instead of `Defi.main()`: see Entry for why (exit code 2 for usage errors, JSON failures).
await Entry.main()
