"""What goes on a stick (gói xuất ra USB): papers + machine file + manifest, assembled from
the services and printing and written through ``desktop.exchange``. A layer above printing.

Modules:
- ``handover``
- ``ratings``
"""
