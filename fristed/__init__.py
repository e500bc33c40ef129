"""Fristed: the logic behind the site. The build (hooks/), the command line and the tests call it alike."""
