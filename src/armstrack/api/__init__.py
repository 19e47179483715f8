"""The web app: a REST API (OpenAPI at /docs) and server-rendered pages, built on one Armstrack object."""
