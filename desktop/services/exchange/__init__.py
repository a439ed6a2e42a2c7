"""What crosses the USB stick, as data (trao đổi với cấp trên): the machine-readable rating
file and the superior's consolidation of many cells. Writing packages is
``desktop.packaging``; verified writes and reads are ``desktop.exchange``.

Modules:
- ``consolidation``
- ``rating_file``
"""
