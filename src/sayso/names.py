"""Given names that are, in English-language news, overwhelmingly used by one gender.

A hint for the pronoun resolver where the article itself says nothing (no honorific, no pronoun
near the name). Evidence from the text outweighs it. Compiled by the sayso team; names used
commonly by both genders (Alex, Jordan, Taylor, Sam, Chris, Pat, Jamie, Robin...) are left out.
"""

from __future__ import annotations

MALE = set("""
aaron abdul abraham adam adrian ahmed alan albert alberto alejandro alexander alfred ali allan
alvin amir andre andrew andy angelo anthony antoine antonio arnold arthur austin barack barry
ben benjamin bernard bill billy bob bobby boris brad bradley brandon brendan brent brett brian
bruce bryan byron calvin carl carlos cedric chad charles charlie chuck clarence claude clifford
clint colin conrad craig curtis dale damon dan daniel danny darren dave david dean dennis derek
devin diego dmitri dominic don donald doug douglas duane dustin dwayne dwight earl ed eddie
edgar eduardo edward edwin elijah elliot emmanuel enrique eric erik ernest ernie ethan eugene
evan fabio felix fernando francis francisco frank franklin fred frederick gabriel gary gavin
gene geoffrey george gerald gerard gilbert glen glenn gordon graham grant greg gregory gustavo
guy hamid hans harold harry harvey hassan hector henry herbert howard hugh hugo ian igor isaac
ivan jack jacob jake james jared jason javier jay jeff jeffrey jeremy jerome jerry jesse jesus
jim jimmy joe joel john johnny jon jonathan jorge jose joseph josh joshua juan julian justin
karl keith ken kenneth kevin khalid kurt kyle lance larry lawrence lee leo leon leonard leroy
lloyd louis lucas luis luke malcolm manuel marc marco marcus mario mark martin marvin mateo
matt matthew maurice max michael miguel mike mitch mitchell mohamed mohammad mohammed muhammad
nathan neil nicholas nick nigel noah norman oliver omar oscar owen pablo patrick paul pedro
perry peter phil philip phillip pierre rafael ralph ramon randall randy raul ray raymond reggie
richard rick ricky rob robert roberto rod rodney roger roland ron ronald ross roy rudy russell
ryan salvador samuel scott sean sebastian sergei sergio seth shane shawn sidney simon stan
stanley stefan stephen steve steven stuart ted terrence terry theodore thomas tim timothy todd
tom tommy tony travis trevor troy tyler vernon victor vincent vladimir wade walter warren wayne
wesley william willie xavier yusuf zach zachary lars sven anders nils klaus jurgen dieter
wolfgang helmut otto fritz henrik magnus olaf stefano giovanni giuseppe francesco luca matteo
""".split())

FEMALE = set("""
abigail ada adriana agnes aisha alexandra alice alicia alison allison amanda amber amelia amy
ana andrea angela angelina anita ann anna anne annette antonia april ashley audrey barbara
beatrice becky belinda bella bernadette beth bethany betty beverly bianca bonnie brenda bridget
brittany brooke camille candace carla carmen carol caroline carolyn carrie catherine cathy
cecilia charlotte chelsea cheryl chloe christina christine cindy claire clara claudia colleen
connie courtney cristina crystal cynthia daisy dana danielle daphne dawn debbie deborah debra
denise diana diane dolores donna doris dorothy edith eileen elaine eleanor elena elisabeth
eliza elizabeth ella ellen emily emma erica erin esther eva evelyn faith fatima felicia fiona
florence frances gabriela gabrielle gail gemma georgia gina gladys gloria grace gwen hannah
harriet hazel heather heidi helen helena hilary hillary holly ida ingrid irene iris isabel
isabella jackie jacqueline jane janet janice jasmine jean jeanne jennifer jenny jessica jill
joan joanna joanne jocelyn josephine joy joyce judith judy julia julie juliet june karen kate
katherine kathleen kathryn kathy katie kayla kelly kim kimberly kirsten kristen kristin laura
lauren leah leslie lillian linda lindsay lisa liz lois lorena lori lorraine louise lucia lucy
lydia lynn mabel madeleine madison maggie mallory mandy margaret margarita maria marie marilyn
marina marion marjorie martha mary maureen megan melanie melinda melissa mia michelle mildred
miranda molly monica nadia nancy naomi natalia natalie nicole nina nora olga olivia pamela
patricia paula pauline peggy penelope penny phyllis priya rachel rebecca regina renee rita
roberta rosa rose rosemary ruth sabrina sally samantha sandra sara sarah shannon sharon sheila
shelley shirley sofia sonia sophia sophie stacy stella stephanie susan suzanne sylvia tamara
tanya tatiana teresa theresa tiffany tina tracy valerie vanessa vera veronica victoria violet
virginia vivian wanda wendy whitney yolanda yvonne zoe karin greta astrid sigrid britta
katrin anja ulrike petra sabine monika birgit ingrid giulia francesca chiara
""".split())


def gender_of(given_name: str) -> str | None:
    """'m', 'f' or None for a given name (case-insensitive)."""
    name = given_name.lower().strip(".")
    if name in MALE:
        return "m"
    if name in FEMALE:
        return "f"
    return None
