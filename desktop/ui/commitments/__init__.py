"""Commitments (cam kết tu dưỡng, rèn luyện, phấn đấu) in the topics page."""
