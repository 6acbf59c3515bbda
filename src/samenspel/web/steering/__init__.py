"""Steering: what an alliance decides after reading a round, and what became of it (issue 15).

Measuring is only half of the cycle the sources describe (seed 002 §3: a
reflection moment ends in deciding on improvements; seed 000: evaluate
openly and steer together). This app keeps the meeting's notes, the
decisions and actions with their status, and lets the next round check them.
"""
