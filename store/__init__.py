"""Everything apostil knows without a terminal: articles, entities, notes, the library, export."""
