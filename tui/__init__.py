"""The Textual layer of apostil: app, screens, widgets, styles and bindings."""
