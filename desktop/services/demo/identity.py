"""Who the sample cell is (chi bộ mẫu): the fictional names load_demo writes.

Kept apart from the demo builder so that recognising the sample (``demo.marker``, asked at
every start) does not import the builder and, through it, every part's services.
"""

CELL_NAME = "Ấp Tân Phú"
SUPERIOR_NAME = "Đảng bộ xã Long Thạnh"
PLACE_NAME = "Long Thạnh"
TERM = "2025 – 2030"
