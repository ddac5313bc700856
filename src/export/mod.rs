//! Exporters: GeoJSON, JSONL and CSV, written atomically.
