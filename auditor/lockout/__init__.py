"""For the day a seller cannot get in: `why` (a guided, read-only diagnosis of one account) and
`map` (who signs in where). Both read the inventory, the keyring (once, like the audit) and the
facts the checks derive, and never write anything."""
