"""store/entities."""
