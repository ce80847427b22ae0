"""The claimdiff reader (Textual) and its command line. The only layer that imports Textual."""
