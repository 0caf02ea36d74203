"""Write the committed suite JSON files from newsclaims.quality.build_suites.

    python expectations/generate_suites.py

Edit the suites in src/newsclaims/quality.py, then run this; the diff of
expectations/suites/*.json shows what changed. A test checks they agree.
"""

from newsclaims.quality import write_suites

if __name__ == "__main__":
    for path in write_suites():
        print(path)
