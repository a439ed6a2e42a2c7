"""Use cases of the app. Plain Python in, plain data out; no Qt, no widgets."""
