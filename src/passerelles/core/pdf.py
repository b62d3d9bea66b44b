"""A4 documents with fpdf2: DejaVu when Debian's fonts are there, else Helvetica with the
text transliterated to Latin-1 so that accents never break the file."""

import unicodedata
from pathlib import Path

from fpdf import FPDF

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DEJAVU_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


class DocumentPDF(FPDF):
    def __init__(self, orientation: str = "P") -> None:
        super().__init__(orientation=orientation, unit="mm", format="A4")
        self.unicode = DEJAVU.exists()
        if self.unicode:
            self.add_font("DejaVu", "", str(DEJAVU))
            self.add_font("DejaVu", "B", str(DEJAVU_BOLD if DEJAVU_BOLD.exists() else DEJAVU))
            self.family = "DejaVu"
        else:
            self.family = "Helvetica"
        self.set_auto_page_break(auto=True, margin=15)

    def plain_text(self, value: object) -> str:
        """``value`` as text this document can print (transliterated without a Unicode font)."""
        value = str(value)
        if self.unicode:
            return value
        value = value.replace("’", "'").replace("…", "...").replace("–", "-").replace("—", "-")
        value = value.replace("−", "-").replace("×", "x").replace("\u202f", " ")
        ascii_text = unicodedata.normalize("NFKD", value).encode("latin-1", "ignore")
        return ascii_text.decode("latin-1")

    def write_line(
        self, value: object, size: float = 11, bold: bool = False, height: float = 6
    ) -> None:
        self.set_font(self.family, "B" if bold else "", size)
        self.multi_cell(0, height, self.plain_text(value), new_x="LMARGIN", new_y="NEXT")
