"""The "Đảng phí" page: collect a month, the year grid of who is behind, remittance, print."""
