"""Groups of the "Cài đặt" page that edit how papers print (see ``papers``)."""
