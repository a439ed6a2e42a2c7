"""What the review-season papers print (bản cam kết, bản kiểm điểm, danh sách đề nghị xếp
loại, báo cáo kiểm điểm tập thể), gathered through the review services as plain data.

Printing (``desktop/printing``) lays these out and computes nothing, so the PDF and the
.xlsx of the rating list always show the same numbers.
"""

from __future__ import annotations

from desktop.services.reviews.print_data.collective import (  # noqa: F401
    CollectivePaper,
    collective_paper,
)
from desktop.services.reviews.print_data.commitment import (  # noqa: F401
    CommitmentLine,
    CommitmentPaper,
    CommitmentPart,
    CommitmentSummaryLine,
    CommitmentSummaryPaper,
    commitment_paper,
    commitment_summary_paper,
)
from desktop.services.reviews.print_data.common import (  # noqa: F401
    MemberIdentity,
    PaperHead,
    basis_line,
    clean_reason,
    find_member,
    member_identity,
    paper_head,
    shares,
)
from desktop.services.reviews.print_data.rating_list import (  # noqa: F401
    LevelTally,
    RatingLine,
    RatingListPaper,
    admission_words,
    rating_list_paper,
    self_level_outside_band,
)
from desktop.services.reviews.print_data.self_review import (  # noqa: F401
    AnsweredSection,
    CellVerdict,
    ScoreLine,
    SelfReviewPaper,
    self_review_paper,
)
