"""How dates and times read in each language TwoHomes speaks (Django's FORMAT_MODULE_PATH).

Pages and emails name a format (``{{ day|date:"DAY_FORMAT" }}``, ``date_format(day,
"DAY_FORMAT")``), never its letters, so that each reader gets their own: "December 6,
2026, 6:00 PM" in the United States, "6 December 2026, 18:00" in the United Kingdom,
"6 de diciembre de 2026, 18:00" in Spanish. Every language module defines every name
below (a language without one would print the name itself); ``tests/test_formats.py``
holds them to that.
"""

NAMES = (
    "DAY_FORMAT",                      # a day with its year, in full
    "DAY_SHORT_FORMAT",                # the same with the month abbreviated
    "DAY_TIME_FORMAT",                 # a day and a time
    "DAY_TIME_SHORT_FORMAT",           # the same with the month abbreviated
    "CLOCK_FORMAT",                    # a time of day
    "MONTH_DAY_FORMAT",                # a day without its year (Django's own name)
    "MONTH_DAY_SHORT_FORMAT",          # the same, abbreviated
    "MONTH_DAY_TIME_FORMAT",           # a day without its year, and a time
    "MONTH_DAY_SHORT_TIME_FORMAT",     # the same, abbreviated
    "WEEKDAY_DAY_FORMAT",              # the weekday and the day, without the year
    "WEEKDAY_DAY_TIME_FORMAT",         # the same with a time
    "WEEKDAY_DAY_YEAR_TIME_FORMAT",    # the weekday, the day with its year, and a time
    "WEEKDAY_SHORT_DAY_FORMAT",        # abbreviated weekday and month, without the year
    "WEEKDAY_SHORT_DAY_YEAR_FORMAT",   # abbreviated weekday and month, with the year
    "WEEKDAY_SHORT_DAY_YEAR_TIME_FORMAT",
    "YEAR_MONTH_FORMAT",               # a month and its year (Django's own name)
)
