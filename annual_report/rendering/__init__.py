"""What the site adds to pages (placeholder: written in full below)."""
