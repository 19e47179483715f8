"""The extraction core: language-neutral rules over tokens, lexicons and the knowledge base."""
