"""Cross-report transfers: merging claims, independent origins, Admiralty credibility."""
