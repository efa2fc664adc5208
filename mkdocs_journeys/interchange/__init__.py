"""Journeys in and out of the formats teams already keep them in: Mermaid diagrams, spreadsheets, JSON."""
