"""Thi Đua: emulation movements and commendation for Vietnamese public agencies."""
