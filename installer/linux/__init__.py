"""The Linux package (gói .deb) of Sổ Chi bộ."""
