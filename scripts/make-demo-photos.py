#!/usr/bin/env python3
"""Draws the demo desk's two photos (illustrations made for Dateline, not agency pictures)
with ImageMagick, then writes the seed article's captions and credits into their IPTC/XMP
with exiftool. The JPEGs are committed under assets/demo/photos/; run this only to remake them.
Needs Debian's imagemagick and libimage-exiftool-perl."""
import os, subprocess

OUT = os.path.join(os.path.dirname(__file__), "..", "assets", "demo", "photos")
CONVERT = "/usr/bin/convert"

def portico():
    d = ["fill '#f4f1ea' rectangle 300,700 2100,1450",
         "fill '#ebe6dc' polygon 250,700 1200,380 2150,700",
         "fill '#d9d2c4' polygon 330,680 1200,420 2070,680"]
    for i in range(8):
        x = 400 + i * 200
        d += [f"fill '#fbfaf6' rectangle {x},720 {x+70},1400", f"fill '#ddd6c8' rectangle {x+52},720 {x+70},1400"]
    d += ["fill '#c9c1b1' rectangle 260,1400 2140,1470", "fill '#b8b0a0' rectangle 200,1470 2200,1600",
          "fill '#3a3a3a' rectangle 1140,1000 1260,1400",
          "fill '#1f2b44' ellipse 820,1180 38,46 0,360", "fill '#1f2b44' rectangle 772,1226 868,1470",
          "fill '#8a1c1c' rectangle 808,1232 832,1330",
          "fill '#2c3e63' rectangle 1180,200 1186,380", "fill '#b22234' rectangle 1186,200 1290,262"]
    return "gradient:#6f93c4-#dfe8f2", d

def lectern():
    d = ["fill '#7b2232' rectangle 0,0 2400,260",
         "fill '#d8b25a' circle 1200,520 1200,330", "fill '#5a1420' circle 1200,520 1200,362",
         "fill '#e7c9a9' ellipse 1200,560 70,88 0,360",
         "fill '#101418' polygon 1020,900 1380,900 1340,680 1060,680",
         "fill '#f2f2f2' polygon 1170,690 1230,690 1200,780",
         "fill '#2b2b2b' polygon 880,900 1520,900 1460,1600 940,1600",
         "fill '#3d3d3d' rectangle 860,860 1540,920",
         "fill '#caa24a' circle 1200,1150 1200,1090"]
    for x in (1050, 1130, 1270, 1350):
        d += [f"fill '#151515' rectangle {x-6},760 {x+6},880", f"fill '#151515' ellipse {x},750 20,30 0,360"]
    return "gradient:#5a1420-#2a0a10", d

PHOTOS = [
    ("demo-portico.jpg", portico, {
        "caption": "U.S. President Donald Trump (left) at the White House on Inauguration Day in Washington, D.C. on January 20, 2025.",
        "creator": "Carlos Barria", "credit": "Reuters", "source": "Reuters",
        "alt": "Illustration of a white neoclassical portico with columns under a pale winter sky.",
        "rights": "© 2025 Reuters (demo illustration made for Dateline)"}),
    ("demo-lectern.jpg", lectern, {
        "caption": "Mexican President Claudia Sheinbaum at a press conference on November 6 in Mexico City.",
        "creator": "Stephania Corpi", "credit": "Bloomberg via Getty Images", "source": "Getty Images",
        "alt": "Illustration of a lectern with microphones before a deep red backdrop with a gold seal.",
        "rights": "© 2025 Bloomberg (demo illustration made for Dateline)"}),
]

for name, draw, meta in PHOTOS:
    start, cmds = draw()
    out = os.path.join(OUT, name)
    subprocess.run([CONVERT, "-size", "2400x1600", start, "-draw", " ".join(cmds), "-blur", "0x1.2",
                    "-quality", "86", "-sampling-factor", "4:2:0", "-strip", out], check=True)
    subprocess.run(["exiftool", "-q", "-overwrite_original", "-codedcharacterset=utf8",
                    f"-XMP-dc:Description={meta['caption']}", f"-IPTC:Caption-Abstract={meta['caption']}",
                    f"-XMP-dc:Creator={meta['creator']}", f"-IPTC:By-line={meta['creator']}",
                    f"-XMP-photoshop:Credit={meta['credit']}", f"-IPTC:Credit={meta['credit']}",
                    f"-XMP-photoshop:Source={meta['source']}", f"-IPTC:Source={meta['source']}",
                    f"-XMP-dc:Rights={meta['rights']}", f"-IPTC:CopyrightNotice={meta['rights']}",
                    f"-XMP-iptcCore:AltTextAccessibility={meta['alt']}", out], check=True)
    print(out, os.path.getsize(out))
