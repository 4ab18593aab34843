import os

# Tests run headless wherever they run; CI and screenshots under Xvfb set QT_QPA_PLATFORM=xcb.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
