"""The demo stories' pictures: abstract illustrations drawn from a seed, and a description of what each shows.

They are not photos, so their alt text and caption say what is drawn (seed_demo), never a scene that is not there.
"""

import colorsys
import hashlib
import io
import random
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter

SIZE = (1600, 1067)


@dataclass(frozen=True)
class Shape:
    kind: str  # "circle" or "bar"
    box: tuple[int, int, int, int]
    colour: tuple[int, int, int]


@dataclass(frozen=True)
class Plan:
    sky_top: tuple[int, int, int]
    sky_bottom: tuple[int, int, int]
    ground: tuple[int, int, int]
    ridge: list[tuple[int, int]]
    shapes: list[Shape]


def plan(seed: str) -> Plan:
    """Everything about the picture, decided by the seed: the same seed gives the same picture and description."""
    rng = random.Random(hashlib.sha256(seed.encode()).hexdigest())  # noqa: S311  a picture, not a secret
    width, height = SIZE
    sky_top = tuple(rng.randrange(40, 220) for _ in range(3))
    sky_bottom = tuple(rng.randrange(20, 200) for _ in range(3))
    horizon = rng.randrange(height // 2, height * 4 // 5)
    ground = tuple(rng.randrange(20, 120) for _ in range(3))
    ridge = [(x, horizon + rng.randrange(-60, 60)) for x in range(0, width + 100, 100)]
    shapes = []
    for _ in range(rng.randrange(4, 9)):
        x, y = rng.randrange(width), rng.randrange(height)
        size = rng.randrange(60, 260)
        colour = tuple(rng.randrange(256) for _ in range(3))
        if rng.random() < 0.5:
            shapes.append(Shape("circle", (x, y, x + size, y + size), colour))
        else:
            shapes.append(Shape("bar", (x, y, x + size // 2, y + size * 2), colour))
    return Plan(sky_top, sky_bottom, ground, ridge, shapes)


def draw(picture: Plan) -> bytes:
    """The picture as a JPEG."""
    width, height = SIZE
    image = Image.new("RGB", SIZE)
    canvas = ImageDraw.Draw(image)
    for y in range(height):
        mix = y / height
        colour = tuple(int(a + (b - a) * mix) for a, b in zip(picture.sky_top, picture.sky_bottom, strict=True))
        canvas.line([(0, y), (width, y)], fill=colour)
    canvas.polygon([(0, picture.ridge[0][1]), *picture.ridge, (width, height), (0, height)], fill=picture.ground)
    for shape in picture.shapes:
        (canvas.ellipse if shape.kind == "circle" else canvas.rectangle)(shape.box, fill=shape.colour)
    image = image.filter(ImageFilter.GaussianBlur(2))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()


def colour_name(rgb: tuple[int, int, int]) -> str:
    """A plain name a reader would use for the colour: "dark green", "pale violet", "grey"."""
    hue, lightness, saturation = colorsys.rgb_to_hls(*(channel / 255 for channel in rgb))
    shade = "dark " if lightness < 0.3 else "pale " if lightness > 0.7 else ""
    if saturation < 0.15:
        return "black" if lightness < 0.15 else "white" if lightness > 0.9 else f"{shade}grey"
    names = [(15, "red"), (40, "orange"), (65, "yellow"), (160, "green"), (200, "teal"), (255, "blue"), (320, "violet")]
    degrees = hue * 360
    name = next((name for limit, name in names if degrees < limit), "pink" if degrees < 345 else "red")
    if name == "orange" and lightness < 0.45:
        return "brown"
    return shade + name


def describe(picture: Plan) -> str:
    """What the picture shows, for its alt text: "An abstract illustration: a blue sky fading to pale orange over
    dark green hills, with three circles and two upright bars in red, yellow and teal."."""
    top, bottom = colour_name(picture.sky_top), colour_name(picture.sky_bottom)
    article = "an" if top[0] in "aeiou" else "a"
    sky = f"{article} {top} sky" if top == bottom else f"{article} {top} sky fading to {bottom}"
    counts = {kind: sum(shape.kind == kind for shape in picture.shapes) for kind in ("circle", "bar")}
    numbers = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight"]
    parts = [
        f"{numbers[count]} {'circle' if kind == 'circle' else 'upright bar'}{'s' if count != 1 else ''}"
        for kind, count in counts.items()
        if count
    ]
    colours = list(dict.fromkeys(colour_name(shape.colour) for shape in picture.shapes))
    listed = ", ".join(colours[:-1]) + f" and {colours[-1]}" if len(colours) > 1 else colours[0]
    return (
        f"An abstract illustration: {sky} over {colour_name(picture.ground)} hills, "
        f"with {' and '.join(parts)} in {listed}."
    )
