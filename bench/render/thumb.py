#!/usr/bin/python3
"""Downscaled copy or full-resolution crop of a PNG, for looking at benchmark outputs.

Uses pycairo (python3-cairo, installed with python3-mapnik), no ImageMagick needed.
usage: thumb.py IN.png OUT.png HEIGHT            # whole page scaled to HEIGHT px
       thumb.py IN.png OUT.png FX FY W H         # crop W x H px around the fractions FX, FY
"""
import sys

import cairo


def main():
    src = cairo.ImageSurface.create_from_png(sys.argv[1])
    w, h = src.get_width(), src.get_height()
    if len(sys.argv) == 4:
        out_h = int(sys.argv[3])
        f = out_h / h
        out = cairo.ImageSurface(cairo.FORMAT_RGB24, max(1, int(w * f)), out_h)
        cr = cairo.Context(out)
        cr.scale(f, f)
        cr.set_source_surface(src, 0, 0)
        cr.get_source().set_filter(cairo.FILTER_GOOD)
        cr.paint()
    else:
        fx, fy, cw, ch = float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
        out = cairo.ImageSurface(cairo.FORMAT_RGB24, cw, ch)
        cr = cairo.Context(out)
        cr.set_source_surface(src, -(fx * w - cw / 2), -(fy * h - ch / 2))
        cr.paint()
    out.write_to_png(sys.argv[2])


if __name__ == "__main__":
    main()
