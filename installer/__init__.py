"""Build scripts of the installers (bộ cài đặt): the frozen app, the .deb, the wheelhouse.

Run them from the repository root as modules, e.g. ``python3 -m installer.build_bundle``;
installer/README.md lists one command per artefact.
"""
