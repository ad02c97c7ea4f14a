"""The action-plan application: editor, action-plan checklist, the Ansøgninger view and the network tab."""
