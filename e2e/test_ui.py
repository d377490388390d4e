"""Browser tests: drive the real UI in headless Chromium and save screenshots.

Run through scripts/e2e, which starts a server on a fresh SQLite database with the demo
province and sets ONEX_E2E_URL.
"""
import os
import pathlib
import tempfile

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

BASE = os.environ.get("ONEX_E2E_URL", "http://127.0.0.1:8099")
PASSWORD = "onex-demo-2026"
SHOTS = pathlib.Path(__file__).parent / "screenshots"
SHOTS.mkdir(exist_ok=True)


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


def submit(driver, selector="form.stack button[type=submit]"):
    """Clicks a submit button and waits until the next page has replaced this one."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, selector).click()
    WebDriverWait(driver, 15).until(expected_conditions.staleness_of(old))


def click(driver, selector):
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, selector).click()
    WebDriverWait(driver, 15).until(expected_conditions.staleness_of(old))


def shot(driver, name):
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def login(driver, username, password=PASSWORD):
    driver.get(BASE + "/login")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    submit(driver, "button[type=submit]")


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
    ("zhengzhou", ["/schools"], ["/experts", "/users", "/policy"]),
    ("secondary", ["/schools"], ["/experts", "/users", "/audit"]),
    ("provsecondary", ["/schools"], ["/experts", "/users"]),
    ("highervoc", ["/schools"], ["/experts", "/users"]),
    ("undergrad", ["/schools"], ["/experts", "/users"]),
    ("org", ["/certificates"], ["/schools", "/experts", "/users"]),
    ("auditor", ["/schools", "/audit", "/policy"], ["/imports", "/users"]),
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
