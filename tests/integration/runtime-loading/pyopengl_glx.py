#!/usr/bin/python3
"""PyOpenGL (Debian python3-opengl) as a third-party run-time loader: it opens libGL.so.1 with
ctypes (dlopen) and resolves GLX and GL functions with dlsym and glXGetProcAddressARB. Creates a
GLX pbuffer context, clears to a colour, reads a pixel back, and checks it.
Exit 0: the pixel is right. Exit 1: anything failed (printed)."""
import ctypes
import os
import sys

os.environ.setdefault("PYOPENGL_PLATFORM", "glx")
from OpenGL import GL, GLX  # noqa: E402

xlib = ctypes.CDLL("libX11.so.6")
xlib.XOpenDisplay.restype = ctypes.c_void_p
xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
dpy = xlib.XOpenDisplay(None)
if not dpy:
    sys.exit("FAIL: cannot open the display")
dpy = ctypes.cast(dpy, ctypes.POINTER(GLX.Display))

err, ev = ctypes.c_int(), ctypes.c_int()
if not GLX.glXQueryExtension(dpy, err, ev):
    sys.exit("FAIL: glXQueryExtension through PyOpenGL says there is no GLX")
major, minor = ctypes.c_int(), ctypes.c_int()
GLX.glXQueryVersion(dpy, major, minor)
print(f"GLX {major.value}.{minor.value}")

attribs = (ctypes.c_int * 9)(GLX.GLX_DRAWABLE_TYPE, GLX.GLX_PBUFFER_BIT, GLX.GLX_RED_SIZE, 8,
                             GLX.GLX_GREEN_SIZE, 8, GLX.GLX_BLUE_SIZE, 8, 0)
n = ctypes.c_int()
configs = GLX.glXChooseFBConfig(dpy, 0, attribs, n)
if not configs or n.value == 0:
    sys.exit("FAIL: glXChooseFBConfig found nothing")
pb_attribs = (ctypes.c_int * 5)(GLX.GLX_PBUFFER_WIDTH, 8, GLX.GLX_PBUFFER_HEIGHT, 8, 0)
pbuffer = GLX.glXCreatePbuffer(dpy, configs[0], pb_attribs)
ctx = GLX.glXCreateNewContext(dpy, configs[0], GLX.GLX_RGBA_TYPE, None, True)
if not pbuffer or not ctx or not GLX.glXMakeContextCurrent(dpy, pbuffer, pbuffer, ctx):
    sys.exit("FAIL: cannot make a pbuffer context current")
print("GL_RENDERER", GL.glGetString(GL.GL_RENDERER).decode())
GL.glClearColor(0.0, 1.0, 0.0, 1.0)
GL.glClear(GL.GL_COLOR_BUFFER_BIT)
pixel = GL.glReadPixels(0, 0, 1, 1, GL.GL_RGBA, GL.GL_UNSIGNED_BYTE)
rgba = tuple(bytearray(pixel))
print("pixel", rgba)
if rgba != (0, 255, 0, 255):
    sys.exit(f"FAIL: read back {rgba}, expected (0, 255, 0, 255)")
GLX.glXMakeContextCurrent(dpy, 0, 0, None)
GLX.glXDestroyContext(dpy, ctx)
print("PASS")
