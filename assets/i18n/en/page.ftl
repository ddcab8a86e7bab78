# The words Dateline adds around an English story in its exported page, caption and data.
# One catalogue per language; the Spanish one holds the same message ids (a test checks).
skip-to-content = Skip to content
sections = Sections
more-stories = More stories
by = By
and = and
updated = Updated
about-author = About the author
about-authors = About the authors
more-in = More in { $section }
more-from = More from { $name }
rights = © { $year } { $publication }. All rights reserved.
exported-with = Exported with Dateline.
# A subhead's anchor, as a screen reader names it (comrak's own English words).
heading-link = Link to heading '{ $heading }'
copy-mark = (copy)
date = { $month } { $day }, { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

# Templates a new story starts from: named in the window, written into the story.
template-news-name = News
template-news-description = Inverted pyramid: the news first, then context and reaction.
template-news-tag = News
template-news-headline = New news story
template-news-body =
    Who did what, where and when — the news in one sentence.

    Why it matters.

    ## Background

    What led here.

    ## Reaction

    “A quote,” said Name, role.
template-analysis-name = Analysis
template-analysis-description = An argument with evidence, for a byline with expertise.
template-analysis-tag = Analysis
template-analysis-headline = New analysis
template-analysis-body =
    The question this piece answers.

    ## What we know

    The evidence.

    ## What it means

    The argument.

    ## What to watch

    What comes next.
template-photo-story-name = Photo story
template-photo-story-description = Pictures carry the story; short text between them.
template-photo-story-tag = Photo story
template-photo-story-headline = New photo story
template-photo-story-body =
    A short introduction to the pictures.

    ![Describe the first photo](photo:0)

    A paragraph between the photos.

    ![Describe the second photo](photo:0)
