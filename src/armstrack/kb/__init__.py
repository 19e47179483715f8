"""The knowledge base: weapon systems, parties and sources as versioned data files."""
