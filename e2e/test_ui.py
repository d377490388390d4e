"""Browser tests: drive the real UI in headless Chromium and save screenshots.

Run through scripts/e2e, which starts a server on a fresh SQLite database with the demo
province and sets ONEX_E2E_URL.
"""
import base64
import os
import pathlib
import re
import subprocess
import tempfile

import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions
from selenium.webdriver.support.ui import WebDriverWait

BASE = os.environ.get("ONEX_E2E_URL", "http://127.0.0.1:8099")
PASSWORD = "onex-demo-2026"
SHOTS = pathlib.Path(__file__).parent / "screenshots" / os.environ.get("ONEX_E2E_SHOTS", "")
SHOTS.mkdir(parents=True, exist_ok=True)


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768",
                "--lang=zh-CN"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


def settle(driver):
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def click(driver, selector):
    """Clicks and waits until the next page has replaced this one. Chromium sometimes reports a
    node of the page being left; the click is then retried on the settled page."""
    for attempt in range(3):
        try:
            settle(driver)
            old = driver.find_element(By.TAG_NAME, "html")
            driver.find_element(By.CSS_SELECTOR, selector).click()
        except WebDriverException:
            if attempt == 2:
                raise
            time.sleep(0.5)
            continue
        WebDriverWait(driver, 15).until(lambda _: replaced(old))
        settle(driver)
        return


def replaced(element):
    """Whether the element has left the document. Chromium 156 answers some look-ups of a
    detached node with an inspector error instead of a stale-element error: both mean gone."""
    try:
        element.is_enabled()
        return False
    except WebDriverException:
        return True


def submit(driver, selector="form.stack button[type=submit]"):
    click(driver, selector)


def shot(driver, name):
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def assert_prints_on_a4(driver, name, max_pages=1):
    """A document meant to be printed and stamped: printed to PDF on A4 without shrinking, its
    sheet holds everything (nothing sticks out past the .a4 sheet), the app's header, menu,
    breadcrumbs and footer are not printed, the PDF's pages are A4 (595 × 842 pt) and there are
    no more of them than the document needs (no blank trailing page)."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = driver.execute_script(
            "return [...document.querySelectorAll('header.top, nav.side, .crumbs, footer, .noprint')]"
            ".filter(e => getComputedStyle(e).display !== 'none').map(e => e.tagName + '.' + e.className)")
        assert shown == [], f"{name}: printed with the app's chrome: {shown}"
        sticking_out = driver.execute_script(
            "const sheet = document.querySelector('.a4').getBoundingClientRect();"
            "return [...document.querySelectorAll('.a4 *')].filter(e => e.getBoundingClientRect().right > sheet.right + 1)"
            ".map(e => e.tagName + ' ' + (e.textContent || '').slice(0, 20))")
        assert sticking_out == [], f"{name}: cut at the sheet's edge: {sticking_out[:5]}"
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    options.shrink_to_fit = False
    options.background = True
    pdf = base64.b64decode(driver.print_page(options))
    (SHOTS / f"{name}.pdf").write_bytes(pdf)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)", pdf)
    assert boxes and all(abs(float(w) - 595.3) < 2 and abs(float(h) - 841.9) < 2 for w, h in boxes), (name, boxes[:3])
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
    assert 1 <= pages <= max_pages, f"{name}: {pages} pages, expected at most {max_pages}"
    check_page_images(name, SHOTS / f"{name}.pdf", pages)


MARGIN_MM = 10


def check_page_images(name, pdf_path, pages):
    """The printed pages as pictures (poppler's pdftoppm, grey, 50 dpi): each page has ink on
    it (no blank page), and the outer 10 mm on the left and right are blank — a table cut at
    the sheet's edge, or one wider than the sheet, would leave ink there."""
    out = pathlib.Path(tempfile.mkdtemp())
    subprocess.run(["pdftoppm", "-r", "50", "-gray", str(pdf_path), str(out / "p")], check=True)
    images = sorted(out.glob("p*.pgm"))
    assert len(images) == pages, (name, len(images), pages)
    for n, image in enumerate(images, 1):
        width, height, pixels = read_pgm(image)
        margin = round(MARGIN_MM / 25.4 * 50)
        ink = [x for y in range(height) for x in range(width) if pixels[y * width + x] < 160]
        assert ink, f"{name}: page {n} is blank"
        assert min(ink) >= margin, f"{name}: page {n} has ink {min(ink)} px from the left edge (margin {margin} px)"
        assert max(ink) < width - margin, f"{name}: page {n} has ink {width - 1 - max(ink)} px from the right edge"
        (SHOTS / f"{name}-page{n}.pgm").write_bytes(image.read_bytes())


def read_pgm(path):
    """A binary PGM (P5) as (width, height, bytes)."""
    data = path.read_bytes()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    assert fields[0] == b"P5", fields
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[pos + 1:pos + 1 + width * height]


def login(driver, username, password=PASSWORD):
    driver.get(BASE + "/login")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    submit(driver, "main form[action^='/login'] button[type=submit]")


def nav_links(driver):
    return [a.get_attribute("href").replace(BASE, "") for a in driver.find_elements(By.CSS_SELECTOR, "nav.side a")]


def test_login_page_in_chinese(browser):
    browser.get(BASE + "/")
    assert "/login" in browser.current_url
    assert "登录" in browser.page_source
    shot(browser, "01-login")


ROLES = [
    ("province", ["/schools", "/imports", "/users", "/policy", "/audit"], []),
    ("reviewer", ["/schools", "/experts", "/policy"], ["/imports", "/users"]),
    ("zhengzhou", ["/schools", "/policy"], ["/experts", "/users"]),
    ("secondary", ["/schools"], ["/experts", "/users", "/audit"]),
    ("provsecondary", ["/schools"], ["/experts", "/users"]),
    ("highervoc", ["/schools"], ["/experts", "/users"]),
    ("undergrad", ["/schools"], ["/experts", "/users"]),
    ("org", ["/certificates"], ["/schools", "/experts", "/users"]),
    ("auditor", ["/schools", "/audit", "/policy", "/users"], ["/imports"]),
]


@pytest.mark.parametrize("username,shown,hidden", ROLES)
def test_each_role_sees_its_navigation(browser, username, shown, hidden):
    login(browser, username)
    assert browser.current_url.rstrip("/") == BASE, browser.page_source[:500]
    links = nav_links(browser)
    for path in shown:
        assert path in links, f"{username} should see {path}: {links}"
    for path in hidden:
        assert path not in links, f"{username} should not see {path}: {links}"
    shot(browser, f"02-home-{username}")


def test_school_sees_only_itself(browser):
    login(browser, "secondary")
    click(browser, "nav.side a[href='/schools']")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.grid tbody tr")
    assert len(rows) == 1 and "郑州市财贸学校" in rows[0].text
    shot(browser, "03-school-list")
    browser.get(BASE + "/schools/Z002")
    assert "不存在" in browser.page_source
    shot(browser, "04-other-school-404")


def test_create_form_error_then_success(browser):
    login(browser, "province")
    browser.get(BASE + "/schools/new")
    browser.find_element(By.ID, "f-code").send_keys("E2E01")
    browser.find_element(By.CSS_SELECTOR, "select#f-kind option[value='secondary']").click()
    browser.find_element(By.CSS_SELECTOR, "select#f-region option[value='4101']").click()
    submit(browser)
    assert "院校名称不能为空" in browser.page_source
    shot(browser, "05-form-error")
    browser.find_element(By.ID, "f-name").send_keys("端到端测试学校")
    submit(browser)
    assert browser.current_url.endswith("/schools/E2E01")
    assert "端到端测试学校" in browser.page_source
    shot(browser, "06-form-saved")


def upload(browser, table, content, suffix=".csv", encoding="utf-8"):
    browser.get(BASE + "/imports")
    browser.find_element(By.CSS_SELECTOR, f"select#table option[value='{table}']").click()
    with tempfile.NamedTemporaryFile("wb", suffix=suffix, delete=False) as f:
        f.write(content.encode(encoding))
        path = f.name
    browser.find_element(By.ID, "file").send_keys(path)
    submit(browser)


def test_import_bad_then_good_file(browser):
    login(browser, "province")
    bad = "地区代码,地区名称,地区类型\n9101,测试甲市,市\n9102,测试乙市,乡\n"
    upload(browser, "regions", bad)
    assert "文件未导入" in browser.page_source and "乡" in browser.page_source
    shot(browser, "07-import-rejected")
    good = bad.replace("乡", "市")
    upload(browser, "regions", good, encoding="gb18030")
    assert "导入完成" in browser.page_source
    shot(browser, "08-import-done")
    browser.get(BASE + "/regions?q=测试")
    assert "测试乙市" in browser.page_source


def test_language_switch(browser):
    login(browser, "province")
    browser.get(BASE + "/certificates")
    click(browser, "a.lang")
    assert "Certificates" in browser.page_source and "Export CSV" in browser.page_source
    shot(browser, "09-english")
    click(browser, "a.lang")
    assert "证书目录" in browser.page_source


def test_audit_log_page(browser):
    login(browser, "auditor")
    browser.get(BASE + "/audit")
    assert "哈希链校验通过" in browser.page_source
    shot(browser, "10-audit")


def set_clock(instant):
    """Moves the server's manual clock (ONEX_CLOCK=manual) through the API, as a demo would."""
    import json
    import urllib.request

    def call(method, path, body, token=None):
        req = urllib.request.Request(BASE + path, data=json.dumps(body).encode(), method=method,
                                     headers={"Content-Type": "application/json",
                                              **({"Authorization": "Bearer " + token} if token else {})})
        with urllib.request.urlopen(req) as r:
            return json.load(r)

    token = call("POST", "/api/v1/auth/token", {"username": "admin", "password": "e2e-admin-1"})["token"]
    call("PUT", "/api/v1/admin/clock", {"now": instant}, token)


def new_application(browser, username, cert, count):
    login(browser, username)
    browser.get(BASE + "/applications/new")
    browser.find_element(By.CSS_SELECTOR, f"select[name=certificate1] option[value='{cert}']").click()
    browser.find_element(By.CSS_SELECTOR, "select[name=level1] option[value='junior']").click()
    browser.find_element(By.CSS_SELECTOR, "select[name=kind1] option[value='new']").click()
    browser.find_element(By.NAME, "count1").send_keys(str(count))
    submit(browser, "main form[method=post] button[type=submit]")
    return browser.current_url


def correct_and_submit(browser, url, count):
    """Changes the first line's count, finds every rule met, submits it to the city."""
    browser.get(url + "/edit")
    field = browser.find_element(By.NAME, "count1")
    field.clear()
    field.send_keys(str(count))
    submit(browser, "main form[method=post] button[type=submit]")
    assert "全部规则校验通过" in browser.page_source
    submit(browser, "main form[action$='/submit'] button")
    assert "市级初审中" in browser.page_source


def decide(browser, username, url, shot_name):
    login(browser, username)
    browser.get(url)
    browser.find_element(By.CSS_SELECTOR, "select#decision option[value='approve']").click()
    browser.find_element(By.ID, "comment").send_keys("同意")
    shot(browser, shot_name)
    submit(browser, "form.stack button[type=submit]")


def test_secondary_school_applies_city_then_province_approve(browser):
    set_clock("2026-03-15T10:00:00+08:00")
    url = new_application(browser, "secondary", "1-004", 10)
    assert "不得少于20人" in browser.page_source
    shot(browser, "11-application-violation")
    correct_and_submit(browser, url, 45)
    shot(browser, "12-application-submitted")
    set_clock("2026-03-22T09:00:00+08:00")
    decide(browser, "zhengzhou", url, "13-city-review")
    assert "省级审核中" in browser.page_source
    set_clock("2026-03-26T09:00:00+08:00")
    decide(browser, "reviewer", url, "14-province-review")
    assert "已通过" in browser.page_source
    login(browser, "secondary")
    browser.get(BASE + "/plans?year=2026")
    assert "1-004" in browser.page_source and "45" in browser.page_source
    shot(browser, "15-plan-with-history")
    browser.get(url + "/forms/henan-1")
    assert "新增申报汇总表" in browser.page_source
    shot(browser, "16-form-henan-1")
    assert_prints_on_a4(browser, "16-form-henan-1")
    # 附件2 and 附件3 print the same way, blank rows and signature blocks included.
    for name, title in [("henan-2", "调增申报汇总表"), ("henan-3", "调减申报汇总表")]:
        browser.get(url + "/forms/" + name)
        assert title in browser.page_source
        assert_prints_on_a4(browser, "16-form-" + name)


def phone_shot(driver, name):
    """The same page at a phone's width (390 px), then back to the desktop size."""
    driver.set_window_size(390, 844)
    settle(driver)
    shot(driver, name + "-phone")
    driver.set_window_size(1366, 768)
    settle(driver)


def test_returned_application_resubmitted_within_the_phase(browser):
    """Issue 13: a return refused for want of a comment keeps its decision; the school sees
    已退回修改 with the comment and the day, corrects it after its own phase and resubmits."""
    set_clock("2026-03-15T10:00:00+08:00")
    url = new_application(browser, "secondary", "1-005", 30)
    submit(browser, "main form[action$='/submit'] button")
    assert "市级初审中" in browser.page_source
    set_clock("2026-03-22T09:00:00+08:00")
    login(browser, "zhengzhou")
    browser.get(url)
    assert "学校须在此日期前修改并重新提交：2026年3月24日" in browser.page_source
    browser.find_element(By.CSS_SELECTOR, "select#decision option[value='return']").click()
    submit(browser, "form.stack button[type=submit]")
    assert "退回或不通过时须填写审核意见" in browser.page_source
    chosen = browser.find_element(By.CSS_SELECTOR, "select#decision option:checked").get_attribute("value")
    assert chosen == "return", chosen
    shot(browser, "17a-review-refused-keeps-decision")
    browser.find_element(By.ID, "comment").send_keys("人数与实际报名不符，请核实")
    submit(browser, "form.stack button[type=submit]")
    login(browser, "secondary")
    browser.get(url)
    assert "已退回修改（重新提交截止 2026年3月24日）" in browser.page_source
    assert "人数与实际报名不符" in browser.page_source
    shot(browser, "17b-returned-application")
    phone_shot(browser, "17b-returned-application")
    set_clock("2026-03-23T09:00:00+08:00")
    login(browser, "secondary")  # a day later: the session has ended
    correct_and_submit(browser, url, 35)
    decide(browser, "zhengzhou", url, "17c-city-reviews-corrected")
    assert "省级审核中" in browser.page_source


def test_higher_vocational_school_goes_straight_to_province(browser):
    set_clock("2026-03-15T10:00:00+08:00")
    url = new_application(browser, "highervoc", "1-003", 30)
    submit(browser, "main form[action$='/submit'] button")
    assert "省级审核中" in browser.page_source
    set_clock("2026-03-26T09:00:00+08:00")
    decide(browser, "reviewer", url, "17-province-review-higher-vocational")
    assert "已通过" in browser.page_source


def test_bad_candidate_import_ends_on_the_problem_table(browser):
    """Issue 13: a refused results file ends on a page listing each problem by line and column,
    with every problem as CSV, and the import is in the list of past imports."""
    set_clock("2026-05-01T09:00:00+08:00")
    rows = ["准考证号,姓名,身份证号,院校代码,证书代码,等级,考核日期,是否参考,是否通过"]
    rows += ["B%04d,考生%d,%s,%s,1-004,初级,2026-04-20,是,是" % (n, n, id_number(n), "G002" if n % 3 else "X999")
             for n in range(1, 31)]
    path = pathlib.Path(tempfile.mkdtemp()) / "成绩-有误.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    login(browser, "org")
    browser.get(BASE + "/exams/import")
    browser.find_element(By.ID, "f-file").send_keys(str(path))
    browser.find_element(By.CSS_SELECTOR, "#import-form button[type=submit]").click()
    WebDriverWait(browser, 60).until(lambda d: "文件未导入" in d.page_source)
    settle(browser)
    assert "<td>院校代码</td>" in browser.page_source
    assert "下载全部问题（CSV）" in browser.page_source
    shot(browser, "19a-import-problems")
    phone_shot(browser, "19a-import-problems")
    browser.get(BASE + "/exams/imports")
    assert "成绩-有误.csv" in browser.page_source
    shot(browser, "19b-import-history")


def api(method, path, body=None, token=None):
    import json
    import urllib.request
    req = urllib.request.Request(BASE + path, data=json.dumps(body).encode() if body is not None else None, method=method,
                                 headers={"Content-Type": "application/json",
                                          **({"Authorization": "Bearer " + token} if token else {})})
    with urllib.request.urlopen(req) as r:
        return json.load(r)


def api_token(username, password=PASSWORD):
    return api("POST", "/api/v1/auth/token", {"username": username, "password": password})["token"]


def id_number(n):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    first = "410105%08d%03d" % (19900101 + n % 28, n % 1000)
    return first + "10X98765432"[sum(w * int(d) for w, d in zip(weights, first)) % 11]


def test_exam_results_import_monitoring_and_dashboards(browser):
    """EXAM-1, HN-9, AH22-8: 100,000 candidate rows through the browser with a progress bar, a
    monitoring snapshot with its bulletin, and the dashboards of the province, a city and a school."""
    set_clock("2026-03-15T10:00:00+08:00")
    school = api_token("school-g002")
    draft = api("POST", "/api/v1/applications", {"year": 2026, "lines": [
        {"certificate": "1-004", "level": "junior", "kind": "new", "count": 40},
        {"certificate": "1-005", "level": "junior", "kind": "new", "count": 60}]}, school)
    api("POST", f"/api/v1/applications/{draft['id']}/submit", {}, school)
    set_clock("2026-03-26T09:00:00+08:00")
    api("POST", f"/api/v1/applications/{draft['id']}/reviews", {"decision": "approve"}, api_token("reviewer"))

    rows = ["examNumber,name,idNumber,school,certificate,level,date,attended,passed"]
    for n in range(100_000):
        rows.append("W%06d,考生%d,%s,G002,1-004,junior,2026-03-%02d,%d,%d"
                    % (n, n, id_number(n), 1 + n % 25, 0 if n % 10 == 0 else 1, 1 if n % 10 and n % 3 else 0))
    path = pathlib.Path(tempfile.mkdtemp()) / "results.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    login(browser, "admin", "e2e-admin-1")
    browser.get(BASE + "/exams/import")
    browser.find_element(By.ID, "f-file").send_keys(str(path))
    # 100,000 results on a plan of 40: a load test, so the province office confirms the figures.
    browser.find_element(By.ID, "f-confirmOverPlan").click()
    browser.find_element(By.CSS_SELECTOR, "#import-form button[type=submit]").click()
    # The bar fills while the upload and then the import run; catch it in a screenshot unless
    # the import is over before the first look.
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            bar = browser.find_element(By.ID, "import-progress")
            if bar.get_attribute("hidden") is None and int(bar.get_attribute("value") or 0) > 0:
                shot(browser, "18-import-progress")
                break
        except WebDriverException:
            break  # the result page replaced the form
        time.sleep(0.05)
    # The page then shows the result; the sessions list is checked through the API and the page.
    admin = api_token("admin", "e2e-admin-1")
    deadline = time.time() + 300
    registered = 0
    while time.time() < deadline and registered < 100_000:
        sessions = api("GET", "/api/v1/exams?school=G002&limit=100", token=admin)["items"]
        registered = sum(s["registered"] for s in sessions if s["source"] == "import")
        time.sleep(1)
    assert registered == 100_000
    browser.get(BASE + "/exams")
    assert "成绩导入" in browser.page_source
    shot(browser, "19-import-done")

    set_clock("2026-07-01T09:00:00+08:00")
    # Months later on the server's clock: the web session has ended on the server, as it would.
    login(browser, "admin", "e2e-admin-1")
    browser.get(BASE + "/monitoring")
    submit(browser, "main form[action='/monitoring/snapshot'] button")
    assert "2026-07-01" in browser.page_source
    browser.find_element(By.ID, "f-documentNumber").send_keys("豫教职成〔2026〕12号")
    submit(browser, "main form[action^='/monitoring/bulletins'] button")
    assert "已发布" in browser.page_source
    browser.get(BASE + "/monitoring/bulletins/2026-07-01")
    shot(browser, "20-bulletin")
    assert "2026年7月1日" in browser.page_source
    assert "河南省教育厅" in browser.page_source and "豫教职成〔2026〕12号" in browser.page_source
    assert_prints_on_a4(browser, "20-bulletin", max_pages=3)
    # AH41-12: the province puts it on the public pages; anyone reads and prints it there.
    browser.get(BASE + "/monitoring?day=2026-07-01")
    assert "未在公开页公布" in browser.page_source
    submit(browser, "main form[action='/monitoring/bulletins/2026-07-01/public'] button")
    assert "从公开页撤下" in browser.page_source
    browser.delete_all_cookies()
    browser.get(BASE + "/public")
    click(browser, "a[href='/public/bulletins']")
    assert "豫教职成〔2026〕12号" in browser.page_source
    shot(browser, "20b-public-bulletins")
    click(browser, "a[href='/public/bulletins/2026-07-01']")
    assert "河南省教育厅" in browser.page_source
    shot(browser, "20c-public-bulletin")
    assert_prints_on_a4(browser, "20c-public-bulletin", max_pages=3)

    for user, name, heading in [("province", "21-dashboard-province", "各地市完成率"), ("zhengzhou", "22-dashboard-city", "各院校完成率"),
                                ("school-g002", "23-dashboard-school", "1-005")]:
        login(browser, user)
        browser.get(BASE + "/dashboard?year=2026")
        assert heading in browser.page_source and "<svg" in browser.page_source
        shot(browser, name)


def test_anhui_forms_print_on_a4(browser):
    """Issue 13: Anhui's 附件1–3 print on A4 like Henan's. The province switches to the Anhui
    policy for the test and back after it; a school's application of a new and an increase line
    offers exactly Anhui's forms."""
    import json
    admin = api_token("admin", "e2e-admin-1")
    henan = api("GET", "/api/v1/policy", token=admin)
    anhui = json.loads((pathlib.Path(__file__).parent.parent / "policies" / "anhui.json").read_text(encoding="utf-8"))
    try:
        api("PUT", "/api/v1/policy", anhui, admin)
        set_clock("2026-09-15T10:00:00+08:00")
        school = api_token("highervoc")
        draft = api("POST", "/api/v1/applications", {"year": 2026, "lines": [
            {"certificate": "1-001", "level": "junior", "kind": "new", "count": 30},
            {"certificate": "1-003", "level": "junior", "kind": "increase", "count": 10, "reason": "新建实训室，报名学生增加"}]},
            school)
        url = BASE + "/applications/" + draft["id"]
        login(browser, "highervoc")
        browser.get(url)
        links = [a.get_attribute("href").rsplit("/", 1)[-1]
                 for a in browser.find_elements(By.CSS_SELECTOR, "a[href*='/forms/']")]
        assert links == ["anhui-1", "anhui-2", "anhui-3"], links
        for name, title in [("anhui-1", "职业技能等级证书申报表"), ("anhui-2", "校级汇总表"), ("anhui-3", "调整申请表")]:
            browser.get(url + "/forms/" + name)
            assert title in browser.page_source
            shot(browser, "24-form-" + name)
            assert_prints_on_a4(browser, "24-form-" + name)
        browser.get(url + "/forms/henan-1")
        assert "新增申报汇总表" not in browser.page_source
    finally:
        # A new token: the clock moved months, and sessions end with such a jump.
        document = {k: v for k, v in henan.items() if k not in ("version", "author", "createdAt")}
        api("PUT", "/api/v1/policy", document, api_token("admin", "e2e-admin-1"))


def test_everyday_pages_at_phone_width_and_in_english(browser):
    """Issue 13: the pages people open every day at 390 px, and the same in English: the home
    page's to-do list, plans filtered by a drill-down, the account search, the clock page."""
    set_clock("2026-03-15T10:00:00+08:00")
    pages = [("school-g002", None, "/", "25a-home-todo"),
             ("province", None, "/plans?year=2026&kind=secondary", "25b-plans-drill-down"),
             ("province", None, "/dashboard?region=4101&year=2026", "25c-dashboard-drill-down"),
             ("admin", "e2e-admin-1", "/users?q=郑州", "25d-users-search"),
             ("admin", "e2e-admin-1", "/admin/clock", "25e-clock")]
    for user, password, path, name in pages:
        login(browser, user, password or PASSWORD)
        for lang in ("zh", "en"):
            browser.add_cookie({"name": "lang", "value": lang})
            browser.get(BASE + path)
            settle(browser)
            if lang == "en":
                assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", path
            shot(browser, f"{name}-{lang}")
            phone_shot(browser, f"{name}-{lang}")
        browser.add_cookie({"name": "lang", "value": "zh"})


def fill(driver, values):
    """Sets form fields by id (date inputs too, whose typing depends on the locale)."""
    for field, value in values.items():
        element = driver.find_element(By.ID, "f-" + field)
        if element.tag_name == "select":
            element.find_element(By.CSS_SELECTOR, f"option[value='{value}']").click()
        else:
            driver.execute_script("arguments[0].value = arguments[1]", element, value)


def test_fee_standard_chain(browser):
    """MOE12-1: the organisation proposes (above the cap first, refused with the cap and its
    entries kept), the lead school records the expert review, the province verifies a lower fee,
    the office publishes it, and the public page shows it without login."""
    set_clock("2026-04-01T10:00:00+08:00")
    login(browser, "org")
    browser.get(BASE + "/fees/standards/new")
    fill(browser, {"certificate": "1-004", "level": "junior", "amount": "411.01", "effectiveFrom": "2026-09-01",
                   "breakdown": "场地、考评员、耗材"})
    submit(browser)
    assert "¥411.00" in browser.page_source and "411.01" in browser.page_source
    shot(browser, "26a-fee-proposal-above-cap")
    fill(browser, {"amount": "400"})
    submit(browser)
    url = browser.current_url
    assert "待专家论证" in browser.page_source
    login(browser, "school-g005")
    browser.get(url)
    fill(browser, {"meetingOn": "2026-03-30", "expert1": "E001", "opinion1": "成本构成合理，耗材略高",
                   "expert2": "E007", "opinion2": "同意", "conclusion": "建议按380元核定"})
    shot(browser, "26b-fee-expert-review")
    submit(browser, "section.panel form.stack button[type=submit]")
    assert "待省级核定" in browser.page_source
    login(browser, "reviewer")
    browser.get(url)
    fill(browser, {"decision": "verify", "amount": "380", "comment": "按专家意见核定"})
    submit(browser, "section.panel form.stack button[type=submit]")
    assert "已核定待发布" in browser.page_source and "¥380.00" in browser.page_source
    login(browser, "admin", "e2e-admin-1")
    browser.get(url)
    fill(browser, {"documentNumber": "豫教财〔2026〕3号", "publishedOn": "2026-04-01"})
    submit(browser, "section.panel form.stack button[type=submit]")
    assert "已发布" in browser.page_source
    shot(browser, "26c-fee-standard-published")
    phone_shot(browser, "26c-fee-standard-published")
    browser.get(BASE + "/logout")
    browser.delete_all_cookies()
    browser.get(BASE + "/public/fee-standards")
    assert "¥380.00" in browser.page_source and "豫教财〔2026〕3号" in browser.page_source
    shot(browser, "26d-public-fee-standards")


def test_payment_confirmed_and_arrears(browser):
    """AH38-2, GD-1: a school records a payment (in yuan, with its funding source), the
    organisation confirms it, and the arrears page shows payable, confirmed and what is still
    unpriced."""
    set_clock("2026-04-02T10:00:00+08:00")
    login(browser, "school-g002")
    browser.get(BASE + "/fees/payments")
    fill(browser, {"organization": "ORG-ZWL", "amount": "1,000.50", "paidOn": "2026-04-01", "fundingSource": "perStudent",
                   "voucher": "PZ-2026-041"})
    submit(browser)
    assert "¥1,000.50" in browser.page_source and "待机构确认" in browser.page_source
    shot(browser, "27a-payment-recorded")
    login(browser, "org")
    browser.get(BASE + "/fees/payments")
    submit(browser, "form[action$='/confirm'] button")
    assert "机构已确认" in browser.page_source
    login(browser, "province")
    browser.get(BASE + "/fees/arrears")
    assert "¥1,000.50" in browser.page_source and "未定价人数" in browser.page_source
    shot(browser, "27b-arrears")
    phone_shot(browser, "27b-arrears")


def test_fee_coverage_and_budget_pages(browser):
    """AH38-1, GD-1: the province sees which piloted certificates still lack a standard; a school
    sees its fee budget beside what it paid, in Chinese and in English."""
    set_clock("2026-04-02T11:00:00+08:00")
    login(browser, "province")
    browser.get(BASE + "/fees/coverage")
    assert "费用标准覆盖率" in browser.page_source and "尚无费用标准的证书" in browser.page_source
    shot(browser, "28a-fee-coverage")
    login(browser, "school-g002")
    browser.get(BASE + "/fees/budget?year=2026")
    assert "预算合计" in browser.page_source and "生均拨款" in browser.page_source
    shot(browser, "28b-fee-budget")
    phone_shot(browser, "28b-fee-budget")
    browser.add_cookie({"name": "lang", "value": "en"})
    browser.get(BASE + "/fees/budget?year=2026")
    assert "Fee budget" in browser.page_source
    shot(browser, "28c-fee-budget-en")
    for path, name in [("/fees/standards", "28d-fee-standards-en"), ("/fees/payments", "28e-payments-en"),
                       ("/fees/arrears", "28f-arrears-en")]:
        browser.get(BASE + path)
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", path
        shot(browser, name)
        phone_shot(browser, name)
    browser.add_cookie({"name": "lang", "value": "zh"})


def test_fee_rectification_lists_print_on_a4(browser):
    """AH38-7: Anhui's 附件1 (certificates without a verified standard) and 附件2 (payment
    problems) are filled from the figures and print on A4; a school prints its own 附件2."""
    set_clock("2026-04-02T11:00:00+08:00")
    login(browser, "province")
    browser.get(BASE + "/fees/coverage")
    browser.find_element(By.CSS_SELECTOR, "a[href='/fees/coverage/form']").click()
    assert "考核费用标准未核定发布问题整改清单" in browser.page_source and "核定发布进展" in browser.page_source
    shot(browser, "29a-fee-form-standards")
    assert_prints_on_a4(browser, "29a-fee-form-standards", max_pages=3)
    browser.get(BASE + "/fees/arrears")
    browser.find_element(By.CSS_SELECTOR, "a[href='/fees/arrears/form']").click()
    assert "考核费用支付问题整改清单" in browser.page_source and "欠费原因" in browser.page_source
    shot(browser, "29b-fee-form-payments")
    assert_prints_on_a4(browser, "29b-fee-form-payments", max_pages=4)
    login(browser, "school-g002")
    browser.get(BASE + "/fees/arrears/form")
    assert "填报单位（盖章）" in browser.page_source
    shot(browser, "29c-fee-form-payments-school")
    assert_prints_on_a4(browser, "29c-fee-form-payments-school")


def test_fee_settlement_on_dashboards_drills_down(browser):
    """AH38-2: the province dashboard shows settlement by city and organisation; a city leads
    to its schools' arrears, a school's row to the payments behind it. In Chinese, English and
    at phone width."""
    set_clock("2026-04-02T11:00:00+08:00")
    login(browser, "province")
    browser.get(BASE + "/dashboard")
    assert "考核费用结算" in browser.page_source and "各地市欠费" in browser.page_source
    panel = browser.find_element(By.XPATH, "//section[h2='考核费用结算']")
    browser.execute_script("arguments[0].scrollIntoView()", panel)
    shot(browser, "30a-dashboard-fees")
    panel.find_element(By.CSS_SELECTOR, "a[href^='/fees/arrears?region=']").click()
    assert "class=\"chips\"" in browser.page_source and "各院校应付各组织" in browser.page_source
    shot(browser, "30b-arrears-city")
    phone_shot(browser, "30b-arrears-city")
    links = browser.find_elements(By.CSS_SELECTOR, "a[href^='/fees/payments?school=']")
    assert links, "every school's row leads to its payments"
    links[0].click()
    assert "class=\"chips\"" in browser.page_source
    shot(browser, "30c-payments-of-a-school")
    browser.add_cookie({"name": "lang", "value": "en"})
    browser.get(BASE + "/dashboard")
    assert "Exam fee settlement" in browser.page_source and "Arrears by city" in browser.page_source
    shot(browser, "30d-dashboard-fees-en")
    phone_shot(browser, "30d-dashboard-fees-en")
    browser.add_cookie({"name": "lang", "value": "zh"})


def test_payment_page_keeps_the_voucher(browser):
    """GD-1: a payment has its own page; the paying school adds the voucher scan there, and what
    the payment was allocated to is shown with what is left unallocated."""
    set_clock("2026-04-02T12:00:00+08:00")
    login(browser, "school-g002")
    browser.get(BASE + "/fees/payments")
    fill(browser, {"organization": "ORG-ZWL", "amount": "600", "paidOn": "2026-04-02", "fundingSource": "appropriation",
                   "voucher": "PZ-2026-042", "allocation": "1-004 400"})
    submit(browser)
    browser.find_element(By.XPATH, "//table[contains(@class,'grid')]//tr[td[contains(., '¥600.00')]]//a[starts-with(@href, '/fees/payments/')]").click()
    assert "¥400.00" in browser.page_source and "¥200.00" in browser.page_source
    voucher = pathlib.Path(tempfile.mkdtemp()) / "付款凭证.pdf"
    voucher.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    browser.find_element(By.CSS_SELECTOR, "input[type=file][name=file]").send_keys(str(voucher))
    submit(browser, "form[action$='/attachments'] button[type=submit]")
    assert "付款凭证.pdf" in browser.page_source
    shot(browser, "31a-payment-page")
    phone_shot(browser, "31a-payment-page")
    browser.add_cookie({"name": "lang", "value": "en"})
    browser.refresh()
    assert "Payment voucher" in browser.page_source
    shot(browser, "31b-payment-page-en")
    browser.add_cookie({"name": "lang", "value": "zh"})


def test_biweekly_report_filed_and_compliance(browser):
    """AH41-9: a school files the current period's biweekly report in the browser; the province
    reads every pilot school's compliance, the notice list first, in Chinese and English."""
    set_clock("2026-04-20T09:00:00+08:00")
    login(browser, "school-g002")
    browser.get(BASE + "/reports")
    assert "报送双周报" in browser.page_source and "（本期）" in browser.page_source
    fill(browser, {"progress": "完成物流管理初级考核报名，组织两期培训", "problems": "考核费用标准尚未发布"})
    submit(browser)
    assert "双周报已报送" in browser.page_source
    shot(browser, "32a-report-filed")
    phone_shot(browser, "32a-report-filed")
    login(browser, "province")
    browser.get(BASE + "/reports")
    # The table lists the pilot schools (with a plan this year) the earlier tests made.
    assert "报送情况" in browser.page_source
    shot(browser, "32b-compliance")
    browser.find_element(By.CSS_SELECTOR, "a[href='/reports/notice-list']").click()
    assert "双周报连续未报送名单" in browser.page_source
    shot(browser, "32d-notice-list")
    assert_prints_on_a4(browser, "32d-notice-list", max_pages=2)
    browser.get(BASE + "/reports")
    browser.add_cookie({"name": "lang", "value": "en"})
    browser.get(BASE + "/reports")
    assert "Compliance this year" in browser.page_source
    shot(browser, "32c-compliance-en")
    phone_shot(browser, "32c-compliance-en")
    browser.add_cookie({"name": "lang", "value": "zh"})


def test_rectification_item_closed_school_city_province(browser):
    """AH38-3, AH38-4, AH38-6, AH38-7: the province generates ledger items from the fee figures
    and adds one by hand (a bad phone first, refused with the entries kept); the secondary school
    reports progress and applies for closure (without evidence first, refused, its statement
    kept); its city bureau confirms; the province office closes it; 附件3 and the notice list
    print on A4."""
    set_clock("2026-05-06T09:00:00+08:00")
    login(browser, "province")
    browser.get(BASE + "/ledger")
    submit(browser, "form[action='/ledger/generate'] button")
    assert "已生成" in browser.page_source
    shot(browser, "33a-ledger-generated")
    browser.get(BASE + "/ledger/new")
    values = {"category": "other", "problem": "考核费用未纳入学校年度部门预算", "task": "纳入下一年度部门预算",
              "responsibleKind": "school", "responsibleUnit": "Z001", "person": "陈静", "phone": "电话",
              "deadline": "2026-06-30"}
    fill(browser, values)
    submit(browser)
    assert "联系电话只能包含数字" in browser.page_source
    assert "考核费用未纳入学校年度部门预算" in browser.page_source, "the entries are kept"
    fill(browser, {"phone": "0371-65908888"})
    submit(browser)
    item = browser.current_url
    assert "/ledger/" in item and "整改中" in browser.page_source
    shot(browser, "33b-ledger-item-created")

    login(browser, "secondary")
    browser.get(item)
    browser.find_element(By.ID, "progress-text").send_keys("已向财务处提交预算调整申请")
    submit(browser, "form[action$='/progress'] button")
    assert "已向财务处提交预算调整申请" in browser.page_source
    browser.find_element(By.ID, "apply-text").send_keys("已纳入预算，附校长办公会纪要")
    submit(browser, "form[action$='/apply'] button")
    assert "申请销号须附佐证材料" in browser.page_source
    assert "已纳入预算，附校长办公会纪要" in browser.page_source, "the statement is kept"
    evidence = pathlib.Path(tempfile.mkdtemp()) / "校长办公会纪要.pdf"
    evidence.write_bytes(b"%PDF-1.4 minutes")
    browser.find_element(By.ID, "apply-file").send_keys(str(evidence))
    submit(browser, "form[action$='/apply'] button")
    assert "已申请销号" in browser.page_source and "校长办公会纪要.pdf" in browser.page_source
    shot(browser, "33c-ledger-applied")
    phone_shot(browser, "33c-ledger-applied")

    login(browser, "zhengzhou")
    browser.get(item)
    submit(browser, "form[action$='/confirm'] button")
    assert "市级已确认" in browser.page_source

    login(browser, "province")
    browser.get(item)
    submit(browser, "form[action$='/close'] button")
    assert "已销号" in browser.page_source and "市级复核确认" in browser.page_source
    shot(browser, "33d-ledger-closed")
    browser.get(item + "/form")
    assert "整改任务销号申请单" in browser.page_source and "校长办公会纪要.pdf" in browser.page_source
    shot(browser, "33e-closure-form")
    assert_prints_on_a4(browser, "33e-closure-form")
    browser.get(BASE + "/ledger/notice-list")
    assert "通报约谈名单" in browser.page_source
    shot(browser, "33f-ledger-notice-list")
    assert_prints_on_a4(browser, "33f-ledger-notice-list", max_pages=2)
    browser.get(BASE + "/ledger")
    browser.add_cookie({"name": "lang", "value": "en"})
    browser.get(item)
    assert "Rectification item" in browser.page_source and "Closed" in browser.page_source
    shot(browser, "33g-ledger-item-en")
    browser.get(BASE + "/ledger")
    shot(browser, "33h-ledger-en")
    phone_shot(browser, "33h-ledger-en")
    browser.add_cookie({"name": "lang", "value": "zh"})


def test_public_disclosure_without_login(browser):
    """AH41-12: from the login page, without an account: the index, the pilot schools of the
    year by city, the organisations and their certificates, in Chinese and English; the CSV
    and the Atom feed are served."""
    browser.delete_all_cookies()
    browser.get(BASE + "/login")
    click(browser, "a[href='/public']")
    assert "信息公开" in browser.page_source
    shot(browser, "34a-public-index")
    click(browser, "a[href='/public/schools']")
    assert "试点院校" in browser.page_source
    # The earlier tests approved this year's plans; run alone, the list is empty.
    cities = browser.find_elements(By.CSS_SELECTOR, "table.grid a")
    if cities:
        city = cities[0].text
        click(browser, "table.grid a")
        assert f"<h2>{city}</h2>" in browser.page_source
    shot(browser, "34b-public-schools")
    phone_shot(browser, "34b-public-schools")
    browser.get(BASE + "/public/organizations")
    assert "物流管理" in browser.page_source
    shot(browser, "34c-public-organizations")
    browser.add_cookie({"name": "lang", "value": "en"})
    browser.get(BASE + "/public/schools")
    assert "Pilot schools of" in browser.page_source
    shot(browser, "34d-public-schools-en")
    browser.add_cookie({"name": "lang", "value": "zh"})
    import urllib.request
    with urllib.request.urlopen(BASE + "/public/schools.atom") as r:
        assert r.headers["Content-Type"].startswith("application/atom+xml")
        assert b"<feed" in r.read()
    with urllib.request.urlopen(BASE + "/public/organizations.csv") as r:
        assert r.headers["Content-Type"].startswith("text/csv")


def test_exam_site_applied_returned_agreed_approved(browser):
    """AH41-3, AH41-12: a pilot school applies for an exam site (a capacity in words first,
    refused with the entries kept); the alliance's lead school sees it on its home page, cannot
    return it without a reason, then agrees; the organisation approves; the province sees the
    coverage matrix close the gap; the site is on the public list."""
    set_clock("2026-03-15T10:00:00+08:00")
    school = api_token("school-g007")
    draft = api("POST", "/api/v1/applications", {"year": 2026, "lines": [
        {"certificate": "1-004", "level": "junior", "kind": "new", "count": 30}]}, school)
    api("POST", f"/api/v1/applications/{draft['id']}/submit", {}, school)
    set_clock("2026-03-26T09:00:00+08:00")
    api("POST", f"/api/v1/applications/{draft['id']}/reviews", {"decision": "approve"}, api_token("reviewer"))
    set_clock("2026-04-20T09:00:00+08:00")

    login(browser, "school-g007")
    browser.get(BASE + "/sites/new")
    fill(browser, {"certificate": "1-004", "place": "智能物流实训中心", "address": "南阳市卧龙区车站南路8号",
                   "capacity": "很多", "equipment": "仓储实训设备一套，计算机40台", "contact": "周老师",
                   "phone": "0377-63525678"})
    submit(browser)
    assert "容纳考生人数应为" in browser.page_source
    assert "智能物流实训中心" in browser.page_source, "the entries are kept"
    fill(browser, {"capacity": "40"})
    submit(browser)
    site = browser.current_url
    assert "/sites/" in site and "待联盟审核" in browser.page_source
    shot(browser, "35a-site-applied")

    login(browser, "school-g005")
    assert "考核站点申报等待您审核" in browser.page_source
    click(browser, "a[href='/sites?waiting=1']")
    assert "智能物流实训中心" in browser.page_source
    browser.get(site)
    submit(browser, "form[action$='/return'] button")
    assert "理由不能为空" in browser.page_source
    submit(browser, "form[action$='/agree'] button")
    assert "待评价组织审批" in browser.page_source
    shot(browser, "35b-site-agreed")

    login(browser, "org")
    browser.get(site)
    submit(browser, "form[action$='/approve'] button")
    assert "已设立" in browser.page_source and "2026年4月20日" in browser.page_source
    shot(browser, "35c-site-approved")
    phone_shot(browser, "35c-site-approved")
    # The organisation enters an exam held there, naming the site by its number.
    number = re.search(r"KD-2026-\d{4}", browser.page_source).group(0)
    browser.get(BASE + "/exams")
    fill(browser, {"school": "G007", "certificate": "1-004", "level": "junior", "year": "2026",
                   "date": "2026-04-18", "siteNumber": number, "registered": "30", "attended": "28",
                   "passed": "25"})
    submit(browser, "main form[action='/exams'] button[type='submit']")
    assert number in browser.page_source, "the session lists its site"
    browser.get(site)
    assert "已录入1场考核，参考28人" in browser.page_source
    shot(browser, "35c2-site-with-exam")

    login(browser, "province")
    browser.get(BASE + "/sites/coverage?year=2026")
    assert "证书 × 地市" in browser.page_source and "有站点1个" in browser.page_source
    shot(browser, "35d-site-coverage")
    phone_shot(browser, "35d-site-coverage")
    browser.add_cookie({"name": "lang", "value": "en"})
    browser.get(BASE + "/sites/coverage?year=2026")
    assert "Certificate × city" in browser.page_source
    shot(browser, "35e-site-coverage-en")
    browser.add_cookie({"name": "lang", "value": "zh"})
    browser.delete_all_cookies()
    browser.get(BASE + "/public")
    click(browser, "a[href='/public/sites']")
    assert "智能物流实训中心" in browser.page_source and "0377-63525678" not in browser.page_source
    shot(browser, "35f-public-sites")



def test_training_course_refused_then_accepted(browser):
    """AH41-6: an organisation's course with one industry trainer of three and a fee above the
    cap is refused with both figures and everything typed kept; with two of three and the fee at
    the cap it is announced; a school enrols a teacher; the organisation records a trainer's
    qualification; the province sees the ranking; the course is on the public list."""
    set_clock("2026-04-01T09:00:00+08:00")
    login(browser, "org")
    browser.get(BASE + "/training/new")
    fill(browser, {"certificate": "1-004", "level": "junior", "title": "物流管理1+X师资培训（初级）",
                   "startsOn": "2026-04-20", "endsOn": "2026-04-21", "place": "郑州市金水区",
                   "feePerHead": "2000", "seats": "30"})
    for i, (name, employer) in enumerate([("刘建华", "京东物流"), ("张国强", "河南经贸职业学院"),
                                          ("王丽娜", "河南职业技术学院")], start=1):
        browser.find_element(By.NAME, f"trainer-name-{i}").send_keys(name)
        browser.find_element(By.NAME, f"trainer-employer-{i}").send_keys(employer)
    browser.find_element(By.NAME, "trainer-industry-1").click()
    submit(browser)
    page = browser.page_source
    assert "行业企业专家1人，占培训师3人的33.3%，应不少于40%" in page
    assert "超过上限¥1,100.00" in page
    assert "张国强" in page and "物流管理1+X师资培训（初级）" in page, "the entries are kept"
    shot(browser, "36a-training-refused")
    browser.find_element(By.NAME, "trainer-industry-2").click()
    fill(browser, {"feePerHead": "1100"})
    submit(browser)
    course = browser.current_url
    assert "/training/" in course and "2/3" in browser.page_source
    shot(browser, "36b-training-announced")

    login(browser, "secondary")
    browser.get(course)
    browser.find_element(By.ID, "enrol-name").send_keys("陈静")
    browser.find_element(By.ID, "enrol-phone").send_keys("13803710001")
    submit(browser, "form[action$='/enrol'] button")
    assert "陈静" in browser.page_source and "138****0001" in browser.page_source

    login(browser, "org")
    browser.get(course)
    row = browser.find_element(By.CSS_SELECTOR, "form[action*='/participants/']")
    row.find_element(By.CSS_SELECTOR, "option[value='trainer']").click()
    row.find_element(By.NAME, "certificateNumber").send_keys("1-004-PX-0001")
    submit(browser, "form[action*='/participants/'] button")
    assert "1-004-PX-0001" in browser.page_source
    shot(browser, "36c-training-outcome")

    login(browser, "province")
    browser.get(BASE + "/training/qualifications")
    assert "郑州市财贸学校" in browser.page_source and "100.0%" in browser.page_source
    shot(browser, "36d-training-qualifications")
    phone_shot(browser, "36d-training-qualifications")
    browser.delete_all_cookies()
    browser.get(BASE + "/public/training")
    assert "物流管理1+X师资培训（初级）" in browser.page_source and "陈静" not in browser.page_source
    shot(browser, "36e-public-training")


def test_complaint_to_its_end(browser):
    """AH41-2: a school files a complaint about an organisation (without the what first, refused
    with the rest kept); the province office takes it up and sends it to the organisation, which
    replies; the office reports it to the MoE and concludes it; the school sees it concluded."""
    set_clock("2026-04-20T09:00:00+08:00")
    login(browser, "secondary")
    browser.get(BASE + "/complaints/new")
    fill(browser, {"organization": "ORG-ZWL", "certificate": "1-004", "occurredOn": "2026-04-10"})
    submit(browser)
    assert "投诉事项不能为空" in browser.page_source
    assert 'value="1-004"' in browser.page_source, "the entries are kept"
    fill(browser, {"occurredOn": "2026-04-10"})
    browser.find_element(By.ID, "f-what").send_keys("考核当天考点未按标准配备监考人员，成绩两个月未公布")
    evidence = pathlib.Path(tempfile.mkdtemp()) / "现场照片.pdf"
    evidence.write_bytes(b"%PDF-1.4 photo")
    browser.find_element(By.ID, "f-file").send_keys(str(evidence))
    submit(browser)
    complaint = browser.current_url
    assert "/complaints/" in complaint and "待受理" in browser.page_source and "现场照片.pdf" in browser.page_source
    shot(browser, "37a-complaint-filed")

    login(browser, "province")
    browser.get(complaint)
    browser.find_element(By.ID, "accept-text").send_keys("已受理，开展调查核实")
    submit(browser, "form[action$='/accept'] button")
    browser.find_element(By.ID, "forward-text").send_keys("请就监考人员配置和成绩公布时间作出说明")
    submit(browser, "form[action$='/forward'] button")
    assert "待评价组织答复" in browser.page_source
    shot(browser, "37b-complaint-forwarded")

    login(browser, "org")
    browser.get(complaint)
    browser.find_element(By.ID, "reply-text").send_keys("已补充监考人员，成绩已于4月18日公布")
    submit(browser, "form[action$='/reply'] button")
    assert "调查核实中" in browser.page_source

    login(browser, "province")
    browser.get(complaint)
    browser.find_element(By.ID, "reportToMoE-text").send_keys("报送调查材料和处理建议")
    submit(browser, "form[action$='/reportToMoE'] button")
    assert "已报教育部" in browser.page_source
    browser.find_element(By.ID, "close-text").send_keys("情况属实，评价组织已整改，予以通报")
    submit(browser, "form[action$='/close'] button")
    assert "已办结" in browser.page_source and "2026年4月20日" in browser.page_source
    shot(browser, "37c-complaint-closed")
    phone_shot(browser, "37c-complaint-closed")

    login(browser, "secondary")
    browser.get(complaint)
    assert "已办结" in browser.page_source and "情况属实" in browser.page_source
    browser.add_cookie({"name": "lang", "value": "en"})
    browser.get(complaint)
    assert "Concluded" in browser.page_source
    shot(browser, "37d-complaint-en")
    browser.add_cookie({"name": "lang", "value": "zh"})
