"""Getting accounts in: password-manager exports, the import plan, applying it, and `add`."""
