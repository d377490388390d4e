// The one catalogue of user-interface text. Every word a page shows comes from here, so the
// English switch covers everything and a translator has one file to read.

extension UIText {
    // MARK: Application
    public static let appName = UIText(zh: "1+X证书制度试点管理平台", en: "1+X Certificate Pilot Platform")
    public static let appShort = UIText(zh: "OneX", en: "OneX")
    public static let switchLanguage = UIText(zh: "English", en: "中文")
    public static let skipToContent = UIText(zh: "跳到正文", en: "Skip to content")

    // MARK: Navigation
    public static let navHome = UIText(zh: "首页", en: "Home")
    public static let navRegions = UIText(zh: "地区", en: "Regions")
    public static let navOrganizations = UIText(zh: "培训评价组织", en: "Organisations")
    public static let navCertificates = UIText(zh: "证书目录", en: "Certificates")
    public static let navSchools = UIText(zh: "试点院校", en: "Schools")
    public static let navAlliances = UIText(zh: "证书试点联盟", en: "Alliances")
    public static let navExperts = UIText(zh: "专家库", en: "Expert pool")
    public static let navUsers = UIText(zh: "用户管理", en: "Users")
    public static let navImports = UIText(zh: "数据导入", en: "Imports")
    public static let navAudit = UIText(zh: "审计日志", en: "Audit log")
    public static let navPolicy = UIText(zh: "省级政策", en: "Province policy")
    public static let navMySchool = UIText(zh: "本校信息", en: "My school")
    public static let navMyRegion = UIText(zh: "本地区院校", en: "Schools of my region")
    public static let navMyCertificates = UIText(zh: "本组织证书", en: "My certificates")
    public static let logout = UIText(zh: "退出登录", en: "Log out")

    // MARK: Nouns
    public static let nounRegion = UIText(zh: "地区", en: "Region")
    public static let nounOrganization = UIText(zh: "培训评价组织", en: "Organisation")
    public static let nounCertificate = UIText(zh: "证书", en: "Certificate")
    public static let nounSchool = UIText(zh: "院校", en: "School")
    public static let nounAlliance = UIText(zh: "联盟", en: "Alliance")
    public static let nounExpert = UIText(zh: "专家", en: "Expert")
    public static let nounUser = UIText(zh: "用户", en: "User")

    // MARK: Login
    public static let loginTitle = UIText(zh: "登录", en: "Log in")
    public static let loginIntro = UIText(zh: "请使用本单位账号登录。", en: "Log in with your unit's account.")
    public static let username = UIText(zh: "用户名", en: "Username")
    public static let password = UIText(zh: "密码", en: "Password")
    public static let loginButton = UIText(zh: "登录", en: "Log in")
    public static let loginFailed = UIText(
        zh: "用户名或密码错误，或账号因连续5次登录失败已锁定15分钟。请核对后再试，或15分钟后再登录。",
        en: "Wrong username or password, or the account is locked for 15 minutes after 5 failed attempts.")
    public static let demoHint = UIText(
        zh: "演示账号见 README（密码均为 onex-demo-2026）。",
        en: "Demo accounts are listed in the README (password onex-demo-2026).")

    // MARK: Home
    public static let welcome = UIText(zh: "欢迎", en: "Welcome")
    public static let yourRole = UIText(zh: "角色", en: "Role")
    public static let yourUnit = UIText(zh: "单位", en: "Unit")
    public static let activePolicy = UIText(zh: "当前政策", en: "Active policy")
    public static let today = UIText(zh: "今天", en: "Today")
    public static let todoTitle = UIText(zh: "待办事项", en: "To do")
    public static let clockTitle = UIText(zh: "演示时钟", en: "Demo clock")
    public static let clockIntro = UIText(
        zh:
            "本服务以手动时钟运行（ONEX_CLOCK=manual）：设定日期后，所有规则、窗口和定时任务按该时间判断，便于在任意申报或审核阶段试用。登录有效期也按该时钟计算，时间前移较多时需重新登录。",
        en:
            "This server runs on a manual clock (ONEX_CLOCK=manual): set a day and every rule, window and job uses it, to try any phase. Sessions are timed on it too: after a big step forward, log in again."
    )
    public static let clockNow = UIText(zh: "当前时间", en: "Now")
    public static let clockDay = UIText(zh: "日期", en: "Day")
    public static let clockTime = UIText(zh: "时间（北京时间）", en: "Time (Beijing)")
    public static let clockSet = UIText(zh: "设定时间", en: "Set the clock")
    public static let clockInvalid = UIText(
        zh: "日期或时间无效，请按“年-月-日”和“时:分”填写。", en: "Invalid day or time: use year-month-day and hours:minutes.")
    public static let newNotice = UIText(zh: "新", en: "new")
    public static let nothingToDo = UIText(zh: "暂无待办事项。", en: "Nothing to do.")
    public static let unreadNotices = UIText(zh: "未读通知", en: "Unread notices")
    public static let windowsTitle = UIText(zh: "申报与审核时间", en: "Windows")
    public static let phase = UIText(zh: "阶段", en: "Phase")
    public static let dates = UIText(zh: "时间", en: "Dates")
    public static let windowName = UIText(zh: "批次", en: "Window")
    public static let noPhaseAhead = UIText(zh: "政策中没有后续时间", en: "None ahead in the policy")

    /// The columns of a candidate-results file in English (their Chinese labels are the file's own).
    public static func candidateColumn(_ key: String) -> UIText {
        let en = [
            "examNumber": "Exam number", "name": "Name", "idNumber": "ID number", "school": "School code",
            "certificate": "Certificate code", "level": "Level", "date": "Exam date", "attended": "Attended",
            "passed": "Passed",
        ]
        return UIText(zh: key, en: en[key] ?? key)
    }

    public static func thresholdLegend(_ threshold: String) -> UIText {
        UIText(
            zh: "虚线为预警线：完成人数低于按进度应完成的\(threshold)即预警（红色）",
            en: "Dashed line: the warning line; below \(threshold) of the expected pace is warned (red)")
    }

    public static func phaseName(_ phase: ResolvedWindow.Phase) -> UIText {
        switch phase {
        case .school: UIText(zh: "院校申报", en: "School applications")
        case .city: UIText(zh: "市级初审", en: "City review")
        case .province: UIText(zh: "省级审核", en: "Province review")
        }
    }

    public static func openDaysLeft(_ n: Int) -> UIText {
        UIText(
            zh: n == 1 ? "进行中，今天截止" : "进行中，还剩\(n)天",
            en: n == 1 ? "open, closes today" : "open, \(n) days left")
    }

    public static func opensIn(_ n: Int) -> UIText {
        UIText(zh: n == 1 ? "明天开始" : "\(n)天后开始", en: n == 1 ? "opens tomorrow" : "opens in \(n) days")
    }

    public static func waitingForYou(_ n: Int) -> UIText {
        UIText(zh: "待您审核的申报：\(n)份", en: "Applications waiting for your decision: \(n)")
    }

    public static func draftsOpen(_ n: Int) -> UIText {
        UIText(zh: "尚未提交的草稿：\(n)份", en: "Drafts not yet submitted: \(n)")
    }

    public static func returnedDue(_ year: Int, _ due: String) -> UIText {
        UIText(
            zh: "\(year)年度申报已退回修改，须于\(due)前重新提交",
            en: "Your \(year) application was returned: resubmit by \(due)")
    }

    public static func unreadCount(_ n: Int) -> UIText {
        UIText(zh: "未读通知：\(n)条", en: "Unread notices: \(n)")
    }

    public static func warnedSchools(_ n: Int, _ day: String) -> UIText {
        UIText(zh: "\(day)监测快照中进度预警的院校：\(n)所", en: "Schools warned in the snapshot of \(day): \(n)")
    }

    public static func ownSchoolWarned(_ day: String) -> UIText {
        UIText(
            zh: "本校被列入\(day)考核进度预警通报，请加快组织考核",
            en: "Your school is named in the pace warning of \(day): hold the exams")
    }
    public static let counts = UIText(zh: "数据概况", en: "At a glance")

    // MARK: Lists and forms
    public static let search = UIText(zh: "搜索", en: "Search")
    public static let searchPlaceholder = UIText(zh: "代码或名称", en: "Code or name")
    public static let exportCSV = UIText(zh: "导出 CSV", en: "Export CSV")
    public static let exportXLSX = UIText(zh: "导出 Excel", en: "Export Excel")
    public static let create = UIText(zh: "新建", en: "New")
    public static let edit = UIText(zh: "编辑", en: "Edit")
    public static let save = UIText(zh: "保存", en: "Save")
    public static let cancel = UIText(zh: "取消", en: "Cancel")
    public static let total = UIText(zh: "共", en: "Total")
    public static let records = UIText(zh: "条", en: "records")
    public static let previousPage = UIText(zh: "上一页", en: "Previous")
    public static let nextPage = UIText(zh: "下一页", en: "Next")
    public static let pageOf = UIText(zh: "页", en: "page")
    public static let noRecords = UIText(zh: "没有符合条件的记录。", en: "No matching records.")
    public static let details = UIText(zh: "详情", en: "Details")
    public static let actions = UIText(zh: "操作", en: "Actions")
    public static let formHasErrors = UIText(
        zh: "表单有错误，请修改后重新提交。", en: "The form has errors; please correct them.")
    public static let saved = UIText(zh: "已保存。", en: "Saved.")
    public static let requiredMark = UIText(zh: "必填", en: "required")
    public static let yes = UIText(zh: "是", en: "Yes")
    public static let no = UIText(zh: "否", en: "No")
    public static let codeExists = UIText(zh: "该代码已存在", en: "This code already exists")
    public static let backToList = UIText(zh: "返回列表", en: "Back to list")
    public static let relatedSchools = UIText(zh: "所属院校", en: "Schools")
    public static let relatedCertificates = UIText(zh: "证书", en: "Certificates")
    public static let history = UIText(zh: "变更记录", en: "Change history")

    // MARK: Fields
    public static let fieldRegionCode = UIText(zh: "地区代码", en: "Region code")
    public static let fieldRegionName = UIText(zh: "地区名称", en: "Region name")
    public static let fieldRegionKind = UIText(zh: "地区类型", en: "Region kind")
    public static let fieldOrganizationCode = UIText(zh: "组织代码", en: "Organisation code")
    public static let fieldOrganizationName = UIText(zh: "组织名称", en: "Organisation name")
    public static let fieldCertificateCode = UIText(zh: "证书代码", en: "Certificate code")
    public static let fieldCertificateName = UIText(zh: "证书名称", en: "Certificate name")
    public static let fieldBatch = UIText(zh: "批次", en: "Batch")
    public static let fieldOrganization = UIText(zh: "培训评价组织", en: "Organisation")
    public static let fieldLevels = UIText(zh: "证书等级", en: "Levels")
    public static let fieldMinCandidates = UIText(zh: "最低考核人数", en: "Minimum exam takers")
    public static let fieldCostCapJunior = UIText(zh: "初级成本上限（元）", en: "Cost cap junior (yuan)")
    public static let fieldCostCapIntermediate = UIText(zh: "中级成本上限（元）", en: "Cost cap intermediate (yuan)")
    public static let fieldCostCapSenior = UIText(zh: "高级成本上限（元）", en: "Cost cap senior (yuan)")
    public static let fieldSchoolCode = UIText(zh: "院校代码", en: "School code")
    public static let fieldSchoolName = UIText(zh: "院校名称", en: "School name")
    public static let fieldSchoolKind = UIText(zh: "院校类型", en: "School kind")
    public static let fieldRegion = UIText(zh: "所属地区", en: "Region")
    public static let fieldRegistered = UIText(zh: "已在国家平台注册", en: "Registered on national platform")
    public static let fieldFiledOn = UIText(zh: "试点备案日期", en: "Pilot filing date")
    public static let fieldCertificate = UIText(zh: "证书", en: "Certificate")
    public static let fieldLeadSchool = UIText(zh: "牵头院校", en: "Lead school")
    public static let fieldMembers = UIText(zh: "成员院校", en: "Member schools")
    public static let fieldExpertCode = UIText(zh: "专家编号", en: "Expert code")
    public static let fieldPersonName = UIText(zh: "姓名", en: "Name")
    public static let fieldExpertise = UIText(zh: "专业领域", en: "Field")
    public static let fieldWorkUnit = UIText(zh: "工作单位", en: "Employer")
    public static let fieldRole = UIText(zh: "角色", en: "Role")
    public static let fieldUnit = UIText(zh: "所属单位代码", en: "Unit code")
    public static let fieldActive = UIText(zh: "启用", en: "Active")
    public static let fieldDisplayName = UIText(zh: "姓名", en: "Name")
    public static let unitColumn = UIText(zh: "所属单位", en: "Unit")
    public static let schoolPicker = UIText(zh: "院校（名称或代码）", en: "School (name or code)")
    public static let confirmOverPlan = UIText(zh: "确认超计划", en: "Confirm beyond the plan")
    public static let confirmOverPlanHint = UIText(
        zh: "报名人数超过计划数的容许比例时，核实无误后勾选；确认将记入审计日志。",
        en:
            "When registrations exceed the plan's tolerance, tick after checking; the confirmation is audited."
    )
    public static let confirmOverPlanImportHint = UIText(
        zh: "文件会使某个考核计划的报名人数超过计划数的容许比例时，默认整份文件不导入；核实无误后勾选此项再导入，确认将记入审计日志。",
        en:
            "A file that takes a plan's registrations beyond the plan's tolerance is not imported; tick this after checking to import it anyway. The confirmation is audited."
    )
    public static let pickerHint = UIText(zh: "可输入名称或代码查找", en: "Type part of the name or the code")
    public static let usersSearch = UIText(zh: "用户名、姓名或单位", en: "Login, name or unit")
    public static let fieldNewPassword = UIText(zh: "新密码（留空则不修改）", en: "New password (blank keeps it)")

    // MARK: Imports
    public static let importTitle = UIText(zh: "批量导入", en: "Bulk import")
    public static let importIntro = UIText(
        zh: "上传 CSV（UTF-8 或 GB18030 编码）或 Excel（.xlsx）文件。第一行为表头，可使用字段名或中文列名。任何一行有误，整个文件都不会导入。",
        en:
            "Upload a CSV (UTF-8 or GB18030) or Excel (.xlsx) file. The first row names the columns by field name or Chinese label. If any row is wrong, nothing is imported."
    )
    public static let importTable = UIText(zh: "导入到", en: "Import into")
    public static let importFile = UIText(zh: "文件", en: "File")
    public static let importButton = UIText(zh: "上传并导入", en: "Upload and import")
    public static let importRejected = UIText(
        zh: "文件未导入：请修正以下问题后重新上传。", en: "Nothing was imported: fix these problems and upload again.")
    public static let importDone = UIText(zh: "导入完成", en: "Import complete")
    public static let importCreated = UIText(zh: "新增", en: "Created")
    public static let importUpdated = UIText(zh: "更新", en: "Updated")
    public static let importColumns = UIText(zh: "可用列", en: "Columns")
    public static let importTemplate = UIText(zh: "下载模板", en: "Download template")
    public static let importColumnsHint = UIText(
        zh: "表头可用中文列名或字段名，列的顺序不限；未知的代码与其他错误一并按行列出。",
        en:
            "Headers may be the Chinese labels or the field names, in any order; unknown codes are listed by line with every other error."
    )
    public static let columnLabel = UIText(zh: "列名", en: "Column")
    public static let columnField = UIText(zh: "字段名", en: "Field name")
    public static let columnRequired = UIText(zh: "必填", en: "Required")
    public static let columnValues = UIText(zh: "可填写的值", en: "Accepted values")
    public static let valuesRegionCode = UIText(zh: "地区代码（见“地区”列表）", en: "A region code (see Regions)")
    public static let valuesOrganizationCode = UIText(
        zh: "培训评价组织代码（见“培训评价组织”列表）", en: "An organisation code (see Organisations)")
    public static let valuesCertificateCode = UIText(
        zh: "证书代码（见“证书目录”）", en: "A certificate code (see Certificates)")
    public static let valuesSchoolCodes = UIText(
        zh: "院校代码，多个以分号分隔", en: "School codes, several separated by semicolons")
    public static let valuesWholeNumber = UIText(zh: "不小于0的整数", en: "A whole number, 0 or more")
    public static let yuanUnit = UIText(zh: "元", en: "yuan")
    public static let valuesYuan = UIText(
        zh: "金额，单位为元，最多两位小数（如 503.50）", en: "An amount in yuan with at most two decimals (e.g. 503.50)")
    public static let valuesText = UIText(zh: "文字", en: "Text")
    public static let valuesSeveral = UIText(zh: "（可多个，以分号分隔）", en: " (several, separated by semicolons)")
    public static let valuesYesNo = UIText(zh: "是／否", en: "yes / no")
    public static let levelsHint = UIText(
        zh: "用分号分隔，如：初级;中级;高级", en: "Separated by semicolons, e.g. junior;intermediate;senior")
    public static let provincialDepartment = UIText(zh: "省教育厅", en: "Provincial Department of Education")
    public static let enterWholeNumber = UIText(zh: "请输入整数", en: "Enter a whole number")
    public static let certificateNotYours = UIText(zh: "没有此证书或无权录入", en: "No such certificate, or not yours")
    public static let dateFrom = UIText(zh: "起始日期", en: "From")
    public static let dateTo = UIText(zh: "截止日期", en: "To")
    public static let wholeProvince = UIText(zh: "全省", en: "Province")
    public static let passwordHint = UIText(
        zh: "至少8位，含字母和数字", en: "At least 8 characters with letters and digits")

    public static func batchNumber(_ n: Int) -> UIText { UIText(zh: "第\(n)批", en: "Batch \(n)") }
    public static let line = UIText(zh: "行号", en: "Line")
    public static let reason = UIText(zh: "原因", en: "Reason")
    public static let field = UIText(zh: "字段", en: "Field")
    public static let noFile = UIText(zh: "请选择要上传的文件。", en: "Choose a file to upload.")

    // MARK: Audit
    public static let auditIntro = UIText(
        zh: "所有数据变更按时间记录，记录之间以哈希链相连，任何修改或删除都可被检测。",
        en:
            "Every change is recorded in order; entries are hash-chained so that any edit or deletion is detectable."
    )
    public static let auditTime = UIText(zh: "时间", en: "Time")
    public static let auditRecord = UIText(zh: "记录（表或代码）", en: "Record (table or key)")
    public static let allActions = UIText(zh: "全部操作", en: "All actions")
    public static let auditCreate = UIText(zh: "新建", en: "Create")
    public static let auditUpdate = UIText(zh: "修改", en: "Update")
    public static let auditDelete = UIText(zh: "删除", en: "Delete")
    public static let auditImportCreate = UIText(zh: "导入新建", en: "Imported (new)")
    public static let auditImportUpdate = UIText(zh: "导入修改", en: "Imported (changed)")
    public static let auditAttach = UIText(zh: "上传附件", en: "Attach a file")
    public static let auditDetach = UIText(zh: "删除附件", en: "Remove a file")
    public static let auditDeclare = UIText(zh: "申报试点学生数", en: "Declare pilot students")
    public static let auditActor = UIText(zh: "操作人", en: "By")
    public static let auditAction = UIText(zh: "操作", en: "Action")
    public static let auditEntity = UIText(zh: "对象", en: "Record")
    public static let auditBefore = UIText(zh: "变更前", en: "Before")
    public static let auditAfter = UIText(zh: "变更后", en: "After")
    public static let auditChainOK = UIText(zh: "哈希链校验通过", en: "Hash chain verified")
    public static let auditChainBroken = UIText(zh: "哈希链校验失败", en: "Hash chain broken")

    // MARK: Policy
    public static let policyIntro = UIText(
        zh: "本省考核计划申报规则。每次修改都会形成新版本。", en: "This province's exam-plan rules. Every edit is a new version.")
    public static let policyVersion = UIText(zh: "版本", en: "Version")
    public static let policyAuthor = UIText(zh: "修改人", en: "Author")
    public static let policyDocument = UIText(zh: "政策文件（JSON）", en: "Policy document (JSON)")
    public static let windows = UIText(zh: "申报窗口", en: "Windows")
    public static let policyRules = UIText(zh: "规则", en: "Rules")
    public static let policyRule = UIText(zh: "规则", en: "Rule")
    public static let policyRuleKey = UIText(zh: "代码", en: "Key")
    public static let policyInForce = UIText(zh: "本省规定", en: "In force")
    public static let policyNoLimit = UIText(zh: "不限", en: "none")
    public static let policyDays = UIText(zh: "天", en: "days")
    public static let policyCompletionBelow = UIText(zh: "完成率低于", en: "completion below ")
    public static let ruleIncreaseAnyTime = UIText(zh: "调增不受申报时间限制", en: "Increases any time")
    public static let ruleDecreaseLimit = UIText(zh: "每次调减比例上限", en: "Largest decrease per application")
    public static let ruleDecreaseReasons = UIText(zh: "允许的调减原因", en: "Allowed decrease reasons")
    public static let ruleMinCandidates = UIText(zh: "检查最低考核人数", en: "Minimum exam takers checked")
    public static let ruleLowCompletionCap = UIText(zh: "低完成率院校申报规模限制", en: "Low-completion cap")
    public static let ruleNewCertificateJustification = UIText(
        zh: "新增证书须提交申报表", en: "New certificate needs justification")
    public static let ruleIncreaseNeedsAdjustmentForm = UIText(
        zh: "调增须提交调整申请表", en: "Increase needs adjustment form")
    public static let ruleNationalPlatformRegistration = UIText(
        zh: "须先在国家平台注册", en: "National platform registration required")
    public static let publicPolicyLink = UIText(
        zh: "现行申报政策（申报时间与规则，无需登录）", en: "The policy in force (windows and rules, no login needed)")
    public static let dayRangeTo = UIText(zh: "至", en: " – ")
    /// A window's `MM-DD` (or one-off `YYYY-MM-DD`) day: 3月11日 / 11 Mar.
    public static func windowDay(_ text: String) -> UIText {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        switch parts.count {
        case 2 where (1...12).contains(parts[0]):
            return UIText(zh: "\(parts[0])月\(parts[1])日", en: "\(parts[1]) \(months[parts[0] - 1])")
        case 3 where (1...12).contains(parts[1]):
            return UIText(
                zh: "\(parts[0])年\(parts[1])月\(parts[2])日",
                en: "\(parts[2]) \(months[parts[1] - 1]) \(parts[0])")
        default:
            return UIText(zh: text, en: text)
        }
    }
    public static let unitHint = UIText(
        zh: "地区、院校或组织代码；省级角色留空", en: "Region, school or organisation code; empty for province roles")
    public static func bulletinIntro(day: String, threshold: String) -> UIText {
        UIText(
            zh: "根据\(day)监测快照，下列院校本年度考核完成人数低于按进度应完成人数的\(threshold)，现予通报。请相关院校加快组织考核，所在地市教育局督促落实。",
            en:
                "According to the snapshot of \(day), the schools below completed fewer than \(threshold) of the exams expected by now. They are asked to speed up; their city bureaus to follow up."
        )
    }
    public static let ruleRegistrationsOverPlan = UIText(
        zh: "报名人数超过计划数的容许比例（超出须省级确认）",
        en: "Registrations allowed beyond the plan (more needs the province's confirmation)")
    public static let ruleWarnBelowExpectedPace = UIText(
        zh: "进度预警：完成人数低于按进度应完成人数的", en: "Pace warning: completed below this share of the expected")
    public static let ruleSnapshotEveryMonths = UIText(zh: "监测快照间隔", en: "Monitoring snapshots")
    public static let ruleBiweeklyDueDays = UIText(
        zh: "双周报截止日（每月）", en: "Biweekly report due days (each month)")
    public static let ruleMaxConsecutiveMisses = UIText(
        zh: "连续缺报几次列入通报", en: "Consecutive missed reports before the notice list")
    public static func everyMonths(_ n: Int) -> UIText {
        UIText(zh: "每\(n)个月", en: n == 1 ? "every month" : "every \(n) months")
    }
    public static func dayOfMonth(_ n: Int) -> UIText {
        let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return UIText(zh: "\(n)日前", en: "before the \(n)\(suffix)")
    }
    public static let ruleForcedExit = UIText(zh: "强制退出", en: "Forced exit")
    public static let ruleStampedScanAtSubmission = UIText(
        zh: "提交前须上传签字盖章的汇总表扫描件",
        en: "The signed and stamped forms' scan is required before submission")
    public static let phaseSchool = UIText(zh: "院校申报", en: "School phase")
    public static let phaseCity = UIText(zh: "市级初审", en: "City review")
    public static let phaseProvince = UIText(zh: "省级审核", en: "Province review")

    // MARK: Users
    public static let usersIntro = UIText(
        zh: "管理各单位账号。院校、市县、组织账号须填写所属单位代码。",
        en: "Manage accounts. School, city and organisation accounts need their unit code.")
    public static let lockedUntil = UIText(zh: "锁定至", en: "Locked until")

    // MARK: Errors
    public static let errorNotFound = UIText(zh: "页面或记录不存在。", en: "The page or record does not exist.")
    public static let errorForbidden = UIText(zh: "您没有执行此操作的权限。", en: "You are not allowed to do this.")
    public static let errorUnauthorized = UIText(zh: "请先登录。", en: "Please log in.")
    public static let errorCSRF = UIText(
        zh: "表单已过期，请刷新页面后重新提交。", en: "The form has expired; reload the page and submit again.")
    public static let errorServer = UIText(
        zh: "服务器出错，请稍后重试。错误编号：", en: "Something went wrong on the server. Request id: ")
    public static let errorBadRequest = UIText(zh: "请求格式有误。", en: "The request is malformed.")
    public static let errorTitle = UIText(zh: "出错了", en: "Error")

    // MARK: Applications and plans
    public static let navApplications = UIText(zh: "考核计划申报", en: "Applications")
    public static let navReviews = UIText(zh: "申报审核", en: "Reviews")
    public static let navPlans = UIText(zh: "考核计划", en: "Plans")
    public static let newApplication = UIText(zh: "新建申报", en: "New application")
    public static let application = UIText(zh: "申报", en: "Application")
    public static let year = UIText(zh: "年度", en: "Year")
    public static let status = UIText(zh: "状态", en: "Status")
    public static let lines = UIText(zh: "申报明细", en: "Lines")
    public static let lineKind = UIText(zh: "申报类型", en: "Kind")
    public static let level = UIText(zh: "等级", en: "Level")
    public static let count = UIText(zh: "人数", en: "Count")
    public static let decreaseReason = UIText(zh: "调减原因", en: "Decrease reason")
    public static let increaseReason = UIText(zh: "调增理由", en: "Reason for the increase")
    public static let reasonColumn = UIText(zh: "调减原因 / 调增理由", en: "Reason (decrease / increase)")
    public static let violations = UIText(zh: "规则校验", en: "Rule check")
    public static let noViolations = UIText(zh: "全部规则校验通过，可以提交。", en: "Every rule is met; ready to submit.")
    public static let saveDraft = UIText(zh: "保存草稿", en: "Save draft")
    public static let submit = UIText(zh: "提交申报", en: "Submit")
    public static let submittedAt = UIText(zh: "提交时间", en: "Submitted")
    public static let policyVersionUsed = UIText(zh: "适用政策版本", en: "Policy version")
    public static let reviewsTitle = UIText(zh: "审核记录", en: "Reviews")
    public static let stage = UIText(zh: "阶段", en: "Stage")
    public static let decision = UIText(zh: "审核结论", en: "Decision")
    public static let comment = UIText(zh: "审核意见", en: "Comment")
    public static let approve = UIText(zh: "通过", en: "Approve")
    public static let returnForChanges = UIText(zh: "退回修改", en: "Return for changes")
    public static let reject = UIText(zh: "不通过", en: "Reject")
    public static let chooseDecision = UIText(zh: "请选择审核结论", en: "Choose a decision")
    public static let submitReview = UIText(zh: "提交审核意见", en: "Submit review")
    public static let deleteDraft = UIText(zh: "删除草稿", en: "Delete draft")
    public static let remove = UIText(zh: "删除", en: "Remove")
    public static let fileSize = UIText(zh: "大小", en: "Size")
    public static let attachmentRule = UIText(
        zh: "仅接受 PDF、JPEG 或 PNG 文件（按文件内容识别），每个不超过20 MB；提交前可删除重传。",
        en:
            "PDF, JPEG or PNG only (recognised by content), up to 20 MB each; remove and upload again until you submit."
    )
    public static let withdraw = UIText(zh: "撤回申报", en: "Withdraw")
    public static let withdrawHint = UIText(
        zh: "审核单位作出结论前可撤回修改，撤回后须重新提交。",
        en: "Until a reviewer decides, you may take it back to change it; it must then be submitted again.")
    public static let applicationNumber = UIText(zh: "申报编号", en: "Number")
    public static let batch = UIText(zh: "批次", en: "Batch")
    public static let draftNoNumber = UIText(zh: "（提交后编号）", en: "(numbered on submission)")
    public static let anyTimeIncrease = UIText(zh: "随时调增", en: "Increase (any time)")
    public static let returnedStatus = UIText(zh: "已退回修改", en: "Returned for changes")
    public static let resubmitBy = UIText(zh: "重新提交截止", en: "Resubmit by")
    public static let returnedNotice = UIText(
        zh: "本申报已被退回修改。请按下方审核意见修改后重新提交，截止日期：",
        en: "This application was returned for changes. Correct it as the comment below says and resubmit by "
    )
    public static let returnDeadlineHint = UIText(
        zh: "如选择退回修改，学校须在此日期前修改并重新提交：", en: "If you return it, the school must correct and resubmit it by ")
    public static let returnNoDeadline = UIText(
        zh: "如选择退回修改，学校可随时修改后重新提交（仅含调增，随时可报）。",
        en:
            "If you return it, the school may resubmit at any time (increases only, which may be filed any time)."
    )
    public static let attachments = UIText(zh: "附件", en: "Attachments")
    public static let purpose = UIText(zh: "用途", en: "Purpose")
    public static let file = UIText(zh: "文件", en: "File")
    public static let uploadedOn = UIText(zh: "上传日期", en: "Uploaded on")
    public static let noAttachments = UIText(zh: "暂无附件。", en: "No files yet.")
    public static let feeFileRule = UIText(
        zh: "仅接受 PDF、JPEG 或 PNG 文件（按文件内容识别），每个不超过20 MB；附件上传后不删除，有误请补传。",
        en:
            "PDF, JPEG or PNG only (recognised by content), up to 20 MB each; files are kept, so upload a corrected one if needed."
    )
    public static let upload = UIText(zh: "上传", en: "Upload")
    public static let stampedScan = UIText(zh: "加盖公章扫描件", en: "Stamped scan")
    public static let justification = UIText(zh: "申报表（论证材料）", en: "Justification")
    public static let adjustmentForm = UIText(zh: "调整申请表", en: "Adjustment form")
    public static let lineNumber = UIText(zh: "对应行", en: "Line")
    public static let printForms = UIText(zh: "打印表格", en: "Printable forms")
    public static let planCount = UIText(zh: "计划数", en: "Planned")
    public static let planStatus = UIText(zh: "计划状态", en: "Plan status")
    public static let systemActor = UIText(zh: "系统（定时任务）", en: "OneX (scheduled job)")
    public static let allRegions = UIText(zh: "全部地区", en: "All regions")
    public static let allCertificates = UIText(zh: "全部证书", en: "All certificates")
    public static let schoolCode = UIText(zh: "院校代码", en: "School code")
    public static let removeFilter = UIText(zh: "去掉此筛选", en: "Remove this filter")
    public static let appliedFilters = UIText(zh: "已应用的筛选", en: "Applied filters")
    public static let clearFilter = UIText(zh: "清除筛选", en: "Clear filters")
    public static let filteredBy = UIText(zh: "当前筛选", en: "Filtered by")
    public static let examFigures = UIText(zh: "报名/参考/通过", en: "Registered/attended/passed")
    public static let dueBy = UIText(zh: "计划使用期限", en: "Due by")
    public static let carriedOver = UIText(zh: "沿用", en: "Carried over")
    public static let school = UIText(zh: "院校", en: "School")
    public static let allStatuses = UIText(zh: "全部状态", en: "All statuses")
    public static let filter = UIText(zh: "筛选", en: "Filter")
    public static let applicationSubmitted = UIText(zh: "申报已提交。", en: "Application submitted.")
    public static let reviewRecorded = UIText(zh: "审核结论已记录。", en: "Decision recorded.")
    public static let hasViolations = UIText(zh: "有违规", en: "Has violations")
    public static let emptyLinesHint = UIText(zh: "不需要的行留空即可。", en: "Leave unused rows empty.")

    // MARK: Notices
    public static let navNotices = UIText(zh: "通知", en: "Notices")
    public static let noticeTitle = UIText(zh: "标题", en: "Title")
    public static let noticeBody = UIText(zh: "内容", en: "Message")
}

// MARK: Exams, indicators and monitoring
extension UIText {
    public static let navDashboard = UIText(zh: "监测看板", en: "Dashboard")
    public static let navExams = UIText(zh: "考核与成绩", en: "Exams")
    public static let navMonitoring = UIText(zh: "进度预警", en: "Pace warnings")
    public static let indicatorCompletion = UIText(zh: "完成率", en: "Completion rate")
    public static let indicatorAdjustment = UIText(zh: "调整率", en: "Adjustment rate")
    public static let indicatorExit = UIText(zh: "退出率", en: "Exit rate")
    public static let indicatorParticipation = UIText(zh: "参考率", en: "Participation rate")
    public static let indicatorPass = UIText(zh: "通过率", en: "Pass rate")
    public static let indicatorCoverage = UIText(zh: "学生覆盖率", en: "Student coverage")
    public static let plansCount = UIText(zh: "计划项数", en: "Plans")
    public static let plannedPeople = UIText(zh: "计划人数", en: "Planned")
    public static let completedPeople = UIText(zh: "完成人数", en: "Completed")
    public static let registeredPeople = UIText(zh: "报名人数", en: "Registered")
    public static let attendedPeople = UIText(zh: "参考人数", en: "Attended")
    public static let passedPeople = UIText(zh: "通过人数", en: "Passed")
    public static let expectedPeople = UIText(zh: "应完成（按进度）", en: "Expected by now")
    public static let paceRatio = UIText(zh: "进度达成", en: "Pace")
    public static let asOf = UIText(zh: "截至日期", en: "As of")
    public static let byRegion = UIText(zh: "各地市完成率", en: "Completion by city")
    public static let bySchoolKind = UIText(zh: "各类院校完成率", en: "Completion by school kind")
    public static let bySchool = UIText(zh: "各院校完成率", en: "Completion by school")
    public static let byCertificate = UIText(zh: "各证书完成率", en: "Completion by certificate")
    public static let furthestBehind = UIText(
        zh: "进度最滞后的院校", en: "Schools furthest behind their expected pace")
    public static let trend = UIText(zh: "监测快照趋势", en: "Trend over the snapshots")
    public static let noSnapshots = UIText(zh: "尚无监测快照。", en: "No snapshots yet.")
    public static let showPlans = UIText(zh: "查看计划", en: "Show plans")
    public static let paceNote = UIText(
        zh: "按进度应完成 = 计划人数 × 本年度已过天数占比；完成人数每项计划最多计到计划人数。",
        en:
            "Expected = planned × share of the year gone; completions count at most the planned number per plan."
    )
    public static let pilotStudents = UIText(zh: "试点学生人数", en: "Pilot students")
    public static let declarePilotStudents = UIText(
        zh: "申报本年度试点学生人数", en: "Declare this year's pilot students")
    public static let examSessions = UIText(zh: "考核场次", en: "Exam sessions")
    public static let recordExam = UIText(zh: "录入考核场次", en: "Record an exam session")
    public static let examDate = UIText(zh: "考核日期", en: "Exam date")
    public static let examSite = UIText(zh: "考点", en: "Exam site")
    public static let examSiteApproved = UIText(zh: "考核站点（已批准）", en: "Approved exam site")
    public static let examSiteApprovedHint = UIText(
        zh: "输入站点编号、学校或证书名称后从列表中选择；只列出已批准的站点",
        en: "Type the site's number, school or certificate and pick it; only approved sites are listed")
    public static let publicBulletins = UIText(zh: "考核进度预警通报", en: "Warning bulletins")
    public static let publicBulletinsIntro = UIText(
        zh: "省教育厅决定公开的考核进度预警通报：截至通报日期未达到预期考核进度的试点院校名单。",
        en:
            "The pace-warning bulletins the provincial office chose to make public: the pilot schools behind their expected exam pace on the day of each."
    )
    public static let complaintSearch = UIText(
        zh: "编号、投诉方、评价组织、证书或内容", en: "Number, complainant, organisation, certificate or text")
    public static let filingSearch = UIText(zh: "编号、名称、地点或证书", en: "Number, title, place or certificate")
    public static let workloadSearch = UIText(zh: "教师或院校名称", en: "Teacher or school name")
    public static let decisionSearch = UIText(zh: "院校或证书", en: "School or certificate")
    public static let bulletinPublicOn = UIText(zh: "公布日期", en: "Made public on")
    public static let bulletinWarnedCount = UIText(zh: "预警院校数", en: "Schools warned")
    public static let bulletinMakePublic = UIText(zh: "在公开页公布", en: "Put on the public pages")
    public static let bulletinWithdrawPublic = UIText(zh: "从公开页撤下", en: "Take off the public pages")
    public static let bulletinIsPublic = UIText(zh: "已在公开页公布", en: "On the public pages")
    public static let bulletinNotPublic = UIText(
        zh: "仅向各市和院校发布，未在公开页公布", en: "Published to cities and schools only, not on the public pages")
    public static let examSiteOther = UIText(zh: "其他考点", en: "Other place")
    public static let siteSessions = UIText(zh: "在本站点举行的考核", en: "Exams held at this site")
    public static func siteSessionTotals(_ sessions: Int, _ attended: Int) -> UIText {
        UIText(
            zh: "已录入\(sessions)场考核，参考\(attended)人",
            en: "\(sessions) exam sessions entered, \(attended) attended")
    }
    public static let source = UIText(zh: "来源", en: "Source")
    public static let sourceManual = UIText(zh: "录入", en: "Entered")
    public static let sourceImport = UIText(zh: "成绩导入", en: "Imported")
    public static let importResults = UIText(zh: "导入考生成绩", en: "Import candidate results")
    public static let importResultsIntro = UIText(
        zh:
            "上传全国平台导出的考生成绩（CSV 或 Excel），列为：准考证号、姓名、身份证号、院校代码、证书代码、等级、考核日期、是否参考、是否通过。任何一行有误则整个文件不导入；身份证号只以密钥散列保存，姓名只显示首字；同一准考证号和证书重复导入不会重复计数。",
        en:
            "Upload the national platform's candidate results (CSV or Excel) with columns exam number, name, ID number, school code, certificate code, level, exam date, attended, passed. One bad row imports nothing; ID numbers are kept only as a keyed hash and names are masked; re-importing the same exam number and certificate counts once."
    )
    public static let importing = UIText(zh: "正在导入…", en: "Importing…")
    public static let uploading = UIText(zh: "正在上传…", en: "Uploading…")
    public static let importFailed = UIText(zh: "文件未导入", en: "Nothing was imported")
    public static let importHistory = UIText(zh: "成绩导入记录", en: "Past result imports")
    public static let importedBy = UIText(zh: "导入人", en: "Imported by")
    public static let result = UIText(zh: "结果", en: "Result")
    public static let examPlan = UIText(zh: "考核计划", en: "Exam plan")
    public static let refresh = UIText(zh: "刷新", en: "Refresh")
    public static let problemsFirst = UIText(
        zh: "本页显示前若干处问题（显示数/总数）：", en: "Problems shown here (shown / all):")
    public static let downloadProblems = UIText(zh: "下载全部问题（CSV）", en: "Download every problem (CSV)")
    public static let rowsRead = UIText(zh: "读取行数", en: "Rows read")
    public static let candidatesAdded = UIText(zh: "新增考生成绩", en: "Candidate results added")
    public static let rowsUnchanged = UIText(zh: "已导入过（未变）", en: "Already imported (unchanged)")
    public static let sessionsTouched = UIText(zh: "涉及考核场次", en: "Exam sessions")
    public static let snapshots = UIText(zh: "监测快照", en: "Snapshots")
    public static let runSnapshot = UIText(zh: "立即生成快照", en: "Take a snapshot now")
    public static let warnedSchools = UIText(zh: "预警院校", en: "Warned schools")
    public static let serialNumber = UIText(zh: "序号", en: "No.")
    public static let documentNumber = UIText(zh: "文号", en: "Document number")
    public static let documentNumberExample = UIText(
        zh: "如：豫教职成〔2026〕12号", en: "e.g. Yu Jiao Zhi Cheng [2026] No. 12")
    /// Printed where the number of a bulletin not yet numbered is written in by hand.
    public static let documentNumberBlank = UIText(zh: "〔　　　〕　　号", en: "No. ____")
    public static let stampHere = UIText(zh: "（盖章）", en: "(stamp)")
    public static let publishBulletin = UIText(zh: "发布通报", en: "Publish the bulletin")
    public static let published = UIText(zh: "已发布", en: "Published")
    public static let notPublished = UIText(zh: "未发布", en: "Not published")
    public static let printableBulletin = UIText(zh: "打印通报", en: "Printable bulletin")
    public static let bulletinTitle = UIText(
        zh: "1+X证书制度试点考核进度预警通报", en: "1+X pilot: exam pace warning bulletin")
    public static let region = UIText(zh: "地区", en: "Region")
    public static let schoolKind = UIText(zh: "院校类型", en: "School kind")
    public static let name = UIText(zh: "名称", en: "Name")
    public static let code = UIText(zh: "代码", en: "Code")
    public static let value = UIText(zh: "数值", en: "Value")
}

// MARK: Fees
extension UIText {
    public static let navFeeStandards = UIText(zh: "考核费用标准", en: "Fee standards")
    public static let feeStandardsIntro = UIText(
        zh: "培训评价组织在国家成本上限内申报，证书试点联盟牵头院校组织专家论证，省教育厅核定并发布；发布后向社会公开。",
        en:
            "Organisations propose within the national cost cap, the alliance's lead school holds the expert review, the province verifies and publishes; published standards are public."
    )
    public static let publicFeeStandards = UIText(zh: "已发布的考核费用标准", en: "Published fee standards")
    public static let publicFeeStandardsIntro = UIText(
        zh: "省教育厅核定并发布的各证书各等级考核费用标准（每人），院校按考核当日执行的标准支付。",
        en:
            "The fee per candidate for each certificate and level, as verified and published by the province; schools pay by the standard in force on the exam day."
    )
    public static let feeStandardNew = UIText(zh: "申报考核费用标准", en: "Propose a fee standard")
    public static let feeStandardSubmit = UIText(zh: "提交申报", en: "Submit the proposal")
    public static let feeAmount = UIText(zh: "费用标准（元/人）", en: "Fee (yuan per candidate)")
    public static let feeAmountPerCandidate = UIText(zh: "费用标准（元/人）", en: "Fee per candidate (yuan)")
    public static let feeCapHint = UIText(
        zh: "各等级后为国家成本上限，申报金额不得高于上限", en: "Each level's national cost cap is shown; the fee may not exceed it"
    )
    public static let effectiveFrom = UIText(zh: "生效日期", en: "Effective from")
    public static let feeBreakdown = UIText(zh: "成本构成说明", en: "Cost breakdown")
    public static let feeRaise = UIText(zh: "（上调）", en: "(raise)")
    public static let feeRaiseRequest = UIText(zh: "上调申请理由", en: "Request for a raise")
    public static let feeRaiseRequestHint = UIText(
        zh: "高于现行标准时必填：培训评价组织的书面申请",
        en: "Required when above the standard in force: the organisation's written request")
    public static let feeProposedAmount = UIText(zh: "申报金额（元/人）", en: "Proposed (yuan per candidate)")
    public static let feeVerifiedAmount = UIText(zh: "核定金额（元/人）", en: "Verified (yuan per candidate)")
    public static let feeProposedBy = UIText(zh: "申报人", en: "Proposed by")
    public static let feeDecisionComment = UIText(zh: "核定意见", en: "Comment")
    public static let publishedOn = UIText(zh: "发布日期", en: "Published on")
    public static let feeExpertReview = UIText(zh: "专家论证", en: "Expert review")
    public static let feeMeetingOn = UIText(zh: "论证会日期", en: "Meeting date")
    public static let feeConclusion = UIText(zh: "论证结论", en: "Conclusion")
    public static let feeReviewedBy = UIText(zh: "录入人", en: "Recorded by")
    public static let feeExpert = UIText(zh: "专家", en: "Expert")
    public static let feeOpinion = UIText(zh: "论证意见", en: "Opinion")
    public static func feeExpertNumber(_ n: Int) -> UIText { UIText(zh: "专家\(n)", en: "Expert \(n)") }
    public static let feeRecordReview = UIText(zh: "录入专家论证意见", en: "Record the expert review")
    public static let feeDecision = UIText(zh: "核定结论", en: "Decision")
    public static let feeVerify = UIText(zh: "核定", en: "Verify")
    public static let feeReject = UIText(zh: "退回", en: "Reject")
    public static let feeVerifyHint = UIText(
        zh: "可低于申报金额，不得高于；留空则按申报金额核定", en: "May be lower than proposed, never higher; empty means as proposed"
    )
    public static let feeVerifyTitle = UIText(zh: "省级核定", en: "Verification by the province")
    public static let feeDecisionSubmit = UIText(zh: "提交核定意见", en: "Submit the decision")
    public static let feePublishTitle = UIText(zh: "发布", en: "Publication")
    public static let feePublish = UIText(zh: "发布费用标准", en: "Publish the standard")
    public static let feeCoverage = UIText(zh: "费用标准覆盖率", en: "Fee-standard coverage")
    public static let feeCoverageIntro = UIText(
        zh: "全省有考核计划的证书中，每个计划等级都有已发布且已生效费用标准的证书所占比例；未覆盖的证书按试点时长排列。",
        en:
            "Of the certificates with plans in the province, the share with a published standard in force for every planned level; those without, longest piloted first."
    )
    public static let feeCoveragePiloted = UIText(zh: "试点证书", en: "Piloted certificates")
    public static let feeCoverageCovered = UIText(zh: "已有费用标准", en: "With a standard")
    public static let feeCoverageMissing = UIText(zh: "尚无费用标准的证书", en: "Certificates without a standard")
    public static let feeCoverageLevels = UIText(zh: "缺少标准的等级", en: "Levels without one")
    public static let feeCoverageSince = UIText(zh: "开始试点", en: "Piloted since")
    public static let feeCoverageDays = UIText(zh: "无标准天数", en: "Days without")
}

// MARK: Payments and arrears
extension UIText {
    public static let navPayments = UIText(zh: "考核费用支付", en: "Payments")
    public static let navArrears = UIText(zh: "应付与欠费", en: "Payables and arrears")
    public static let paymentsIntro = UIText(
        zh: "院校登记向培训评价组织支付的考核费用，机构核对到账后确认或提出异议；登记有误的以一笔反向更正冲销，不修改、不删除。",
        en:
            "Schools record what they paid organisations; the organisation confirms receipt or disputes it. A mistake is reversed by a correcting entry, never edited or deleted."
    )
    public static let paymentRecord = UIText(zh: "登记付款", en: "Record a payment")
    public static let paymentAmount = UIText(zh: "付款金额（元）", en: "Amount (yuan)")
    public static let paymentAmountShort = UIText(zh: "金额", en: "Amount")
    public static let paymentDate = UIText(zh: "付款日期", en: "Paid on")
    public static let fundingSource = UIText(zh: "经费来源", en: "Funding source")
    public static let paymentVoucher = UIText(zh: "凭证号", en: "Voucher")
    public static let paymentNote = UIText(zh: "备注", en: "Note")
    public static let paymentConfirm = UIText(zh: "确认到账", en: "Confirm receipt")
    public static let paymentDispute = UIText(zh: "提出异议", en: "Dispute")
    public static let paymentDisputeReason = UIText(zh: "异议原因", en: "Reason")
    public static let paymentCorrect = UIText(zh: "登记有误，冲销", en: "Reverse (entered by mistake)")
    public static let paymentCorrection = UIText(zh: "更正", en: "correction")
    public static let feeFormStandards = UIText(
        zh: "附件1 考核费用标准未核定发布问题整改清单（打印）",
        en: "Annex 1: certificates without a verified standard (print, in Chinese)")
    public static let feeFormPayments = UIText(
        zh: "附件2 考核费用支付问题整改清单（打印）", en: "Annex 2: fee payment problems (print, in Chinese)")
    public static let arrearsByRegion = UIText(zh: "各地市欠费", en: "Arrears by city")
    public static let arrearsByOrganization = UIText(zh: "各培训评价组织应收与欠费", en: "Arrears by organisation")
    public static let arrearsBySchoolAndOrganization = UIText(
        zh: "各院校应付各组织", en: "Each school to each organisation")
    public static let arrearsBehind = UIText(zh: "明细", en: "Behind it")
    public static let arrearsBySchool = UIText(zh: "各院校欠费", en: "Arrears by school")
    public static let arrearsPayableYuan = UIText(zh: "应付（元）", en: "Payable (yuan)")
    public static let arrearsPaidYuan = UIText(zh: "已付（元）", en: "Paid (yuan)")
    public static let arrearsConfirmedYuan = UIText(zh: "机构已确认（元）", en: "Confirmed (yuan)")
    public static let arrearsOutstandingYuan = UIText(zh: "欠费（元）", en: "Outstanding (yuan)")
    public static let arrearsOverdueYuan = UIText(zh: "逾期欠费（元）", en: "Overdue (yuan)")
    public static let feePanelTitle = UIText(zh: "考核费用结算", en: "Exam fee settlement")
    public static let feePanelIntro = UIText(
        zh: "截至今日全部已考核场次的应付、已结算与欠费（不分年度）。已结算为机构已确认的付款，每所院校对每个机构最多计至其应付，多付不抵其他院校的欠费。点击名称查看背后的付款与考核。",
        en:
            "Payable, settled and outstanding for every exam held so far (all years). Settled is money the organisation confirmed, counted for each school and organisation up to what it owes: one school paying ahead does not settle another's debt. Follow a name to the payments and exams behind it."
    )
    public static let paymentAllocation = UIText(zh: "分配到证书（可选）", en: "Allocated to certificates (optional)")
    public static let paymentAllocationHint = UIText(
        zh: "每行一个证书：证书代码 金额（元），如 1-004 1000.00；合计不超过付款金额，其余视为未分配。",
        en:
            "One certificate per line: code and amount in yuan, e.g. 1-004 1000.00; no more than the payment in all, the rest stays unallocated."
    )
    public static let paymentAllocated = UIText(zh: "分配到证书", en: "Allocated to certificates")
    public static let paymentUnallocated = UIText(zh: "未分配", en: "Unallocated")
    public static let paymentRecordedBy = UIText(zh: "登记人", en: "Recorded by")
    public static let arrearsSettled = UIText(zh: "已结算", en: "Settled")
    public static let arrearsSettledYuan = UIText(zh: "已结算（元）", en: "Settled (yuan)")
    public static let importCostCaps = UIText(
        zh: "证书成本上限（仅更新已有证书）", en: "Certificate cost caps (existing certificates only)")
    public static func arrearsTopRows(_ shown: Int, _ total: Int) -> UIText {
        UIText(
            zh: "按欠费从多到少显示前\(shown)项，共\(total)项；全部请导出 Excel，或按地市、院校、机构筛选。",
            en:
                "The \(shown) largest of \(total) are shown; export to Excel for all, or filter by city, school or organisation."
        )
    }
    public static let reportProgress = UIText(zh: "工作进展", en: "Progress")
    public static let reportExperience = UIText(zh: "工作经验", en: "Experience")
    public static let reportCases = UIText(zh: "典型案例", en: "Typical cases")
    public static let reportProblems = UIText(zh: "存在问题", en: "Problems")
    public static let reportSuggestions = UIText(zh: "政策建议", en: "Suggestions")
    public static let navReports = UIText(zh: "双周报", en: "Biweekly reports")
    public static func reportsIntro(_ days: String, _ misses: Int) -> UIText {
        UIText(
            zh: "试点院校每月\(days)报送工作进展、经验、典型案例、问题和建议（截止日当天报送为按时）；逾期报送的予以保留并标明逾期；连续\(misses)期未报送的院校列入通报名单。",
            en:
                "Pilot schools report progress, experience, typical cases, problems and suggestions every month, \(days) (on the due day is on time); late reports are kept and marked late; a school missing \(misses) in a row goes on the notice list."
        )
    }
    public static let reportFile = UIText(zh: "报送双周报", en: "File a report")
    public static let reportDueDate = UIText(zh: "报送期（截止日）", en: "Period (due date)")
    public static let reportFiledOn = UIText(zh: "报送日期", en: "Filed on")
    public static let reportTiming = UIText(zh: "是否按时", en: "On time")
    public static let reportOnTime = UIText(zh: "按时", en: "On time")
    public static let reportLate = UIText(zh: "逾期报送", en: "Late")
    public static let reportFiled = UIText(zh: "双周报已报送。", en: "The report was filed.")
    public static let reportsMine = UIText(zh: "本校已报送", en: "Filed by the school")
    public static let reportsLatest = UIText(zh: "最近报送", en: "Latest reports")
    public static let complianceTitle = UIText(zh: "报送情况（本年度）", en: "Compliance this year")
    public static let complianceDue = UIText(zh: "应报期数", en: "Due")
    public static let complianceSubmitted = UIText(zh: "已报送", en: "Filed")
    public static let complianceMissed = UIText(zh: "缺报期", en: "Missed")
    public static let complianceStreak = UIText(zh: "连续缺报", en: "Misses in a row")
    public static let complianceFlagged = UIText(zh: "列入通报名单", en: "On the notice list")
    public static let complianceRate = UIText(zh: "按时报送率", en: "On-time rate")
    public static let complianceFlaggedOnly = UIText(zh: "只看列入通报名单的院校", en: "Only schools on the notice list")
    public static let reportPeriodOpen = UIText(zh: "（本期）", en: " (current)")
    public static let reportPeriodMissed = UIText(zh: "（已过截止日，补报）", en: " (past due, late)")
    public static let reportImport = UIText(zh: "导入全国平台报送记录", en: "Import the national platform's records")
    public static let reportImportHint = UIText(
        zh: "CSV 或 Excel，列：院校代码、报送期（截止日）、报送时间；全部无误才导入，已有记录不重复计算。",
        en:
            "CSV or Excel with school code, period due and submitted at; imported only when every row is right, records already there do not count twice."
    )
    public static func reportImported(_ added: Int, _ duplicates: Int) -> UIText {
        UIText(
            zh: "已导入\(added)条报送记录；\(duplicates)条已有记录，未重复计算。",
            en: "\(added) records imported; \(duplicates) were already on record and do not count twice.")
    }
    public static let eligibilityReason = UIText(zh: "理由", en: "Reason")
    public static let eligibilityRevoke = UIText(zh: "取消下一年度试点资格", en: "Revoke next year's eligibility")
    public static let eligibilityLift = UIText(zh: "恢复资格", en: "Restore eligibility")
    public static func eligibilityRevoked(_ year: Int) -> UIText {
        UIText(zh: "已取消\(year)年度试点资格", en: "No pilot eligibility for \(year)")
    }
    public static let complianceNoticeList = UIText(zh: "打印通报名单", en: "Print the notice list (in Chinese)")
    public static let arrearsIntro = UIText(
        zh: "应付 = 各次考核的实考人数 × 考核当日执行的费用标准；欠费 = 应付 − 机构已确认；“未定价人数”是考核时尚无已发布标准的实考人数，须先核定发布标准才能结算。",
        en:
            "Payable = attended candidates × the fee standard in force on each exam day; outstanding = payable − confirmed; “unpriced” counts attended candidates of exams with no published standard in force, which must be priced before they can be settled."
    )
    public static let arrearsPayable = UIText(zh: "应付", en: "Payable")
    public static let arrearsPaid = UIText(zh: "已付（登记）", en: "Paid (recorded)")
    public static let arrearsConfirmed = UIText(zh: "机构已确认", en: "Confirmed")
    public static let arrearsOutstanding = UIText(zh: "欠费", en: "Outstanding")
    public static let arrearsUnpriced = UIText(zh: "未定价人数", en: "Unpriced attended")
    public static let settlementRate = UIText(zh: "结算率", en: "Settlement rate")
    public static let budgetTitle = UIText(zh: "考核费用预算", en: "Fee budget")
    public static let budgetIntro = UIText(
        zh: "按本年度考核计划人数 × 当日（或来年1月1日）执行的费用标准测算应编制的考核费用预算，并列出本年度已付金额（按经费来源）。",
        en:
            "Planned candidates of the year × the fee standard in force today (or on 1 January for a later year): the budget to request, beside what was paid this year by funding source."
    )
    public static let budgetPickSchool = UIText(zh: "请选择院校。", en: "Choose a school.")
    public static let budgetTotal = UIText(zh: "预算合计", en: "Budget")
    public static let budgetPricedOn = UIText(zh: "标准执行日", en: "Priced on")
    public static let budgetUnpriced = UIText(zh: "尚无标准", en: "no standard")
    public static let budgetUnpricedCandidates = UIText(zh: "无标准的计划人数", en: "Planned without a standard")
    public static let budgetAmount = UIText(zh: "预算金额", en: "Budget")
    public static let budgetPaid = UIText(zh: "本年度已付（按经费来源）", en: "Paid this year, by funding source")
    public static let arrearsOverdue = UIText(zh: "逾期欠费", en: "Overdue")
    public static let arrearsAgeing = UIText(zh: "欠费账龄", en: "Ageing of what is owed")
    public static let arrearsAgeingIntro = UIText(
        zh: "机构已确认的付款先冲抵最早的考核；剩余欠费按考核日期至今的时长分段。逾期欠费：省级政策规定的结算截止日已过、考核在截止日及以前的欠费。",
        en:
            "Confirmed payments settle the oldest exams first; what is left is aged by the exam day. Overdue: owed for exams held on or before the policy's settlement deadline, once that day has passed."
    )
    public static let ageUnder3 = UIText(zh: "3个月以内", en: "Under 3 months")
    public static let age3to6 = UIText(zh: "3至6个月", en: "3–6 months")
    public static let age6to12 = UIText(zh: "6至12个月", en: "6–12 months")
    public static let ageOver12 = UIText(zh: "12个月以上", en: "Over 12 months")
    public static let ruleSettlementDeadline = UIText(
        zh: "考核费用结算截止日（此前考核的费用须于当日前结清）", en: "Settlement deadline (exams held before it settled by then)")
    public static let arrearsCredit = UIText(zh: "预付 ", en: "paid ahead ")
    /// The payment was recorded; `warning` (Chinese, from the service) says what to check.
    public static func paymentRecordedWith(_ warning: String) -> UIText {
        UIText(
            zh: "付款已登记。提示：\(warning)。",
            en:
                "The payment is recorded. Note: this school has no exams of that organisation's certificates yet; check the payee."
        )
    }

    // The rectification ledger (AH38-3..7).
    public static let navLedger = UIText(zh: "整改台账", en: "Rectification ledger")
    public static let ledgerIntro = UIText(
        zh:
            "每个整改事项有问题、任务、责任单位和责任人、时限“四个清单”；责任单位每月至少报送一次进展，分管领导每两周调度一次；完成后由责任单位附佐证材料申请销号，中职学校经市县教育局复核确认后报省级销号，本科高校由省教育厅高教处销号。",
        en:
            "Each item lists the problem, the task, the responsible unit and person, and the deadline. The responsible unit reports progress at least monthly and its leader reviews it every two weeks; when done it applies for closure with evidence: a secondary school's application is confirmed by its city bureau before the province closes it, an undergraduate institution's is closed by the higher-education division."
    )
    public static let ledgerNumber = UIText(zh: "编号", en: "No.")
    public static let ledgerProblem = UIText(zh: "问题", en: "Problem")
    public static let ledgerTask = UIText(zh: "整改任务", en: "Task")
    public static let ledgerCategory = UIText(zh: "类别", en: "Category")
    public static let ledgerResponsible = UIText(zh: "责任单位", en: "Responsible unit")
    public static let ledgerResponsibleKind = UIText(zh: "责任单位类型", en: "Kind of unit")
    public static let ledgerResponsibleCode = UIText(zh: "责任单位代码", en: "Unit code")
    public static let ledgerPerson = UIText(zh: "责任人", en: "Responsible person")
    public static let ledgerPhone = UIText(zh: "联系电话", en: "Phone")
    public static let ledgerPhoneInvalid = UIText(
        zh: "联系电话只能包含数字、空格和“-+()”，如 0371-65908888",
        en: "A phone number has digits, spaces and “-+()” only, e.g. 0371-65908888")
    public static let ledgerDeadline = UIText(zh: "整改时限", en: "Deadline")
    public static let ledgerDeadlinePast = UIText(
        zh: "整改时限应为今天或以后的日期（YYYY-MM-DD）", en: "The deadline must be today or later (YYYY-MM-DD)")
    public static func ledgerUnknownUnit(_ code: String) -> UIText {
        UIText(
            zh: "没有代码为“\(code)”的该类单位，请核对责任单位类型和代码",
            en: "No unit of that kind has the code “\(code)”; check the kind and the code")
    }
    public static let ledgerCityOwnOnly = UIText(
        zh: "市县教育局只能为本地区的院校或本局建立整改事项", en: "A city bureau adds items for its own schools and itself only")
    public static let ledgerEntryKindInvalid = UIText(
        zh: "进展类型应为整改进展或分管领导调度", en: "An entry is progress or a leader's review")
    public static let ledgerEntryText = UIText(zh: "进展情况", en: "What was done")
    public static let ledgerLeader = UIText(zh: "调度领导", en: "Leader")
    public static func ledgerEntryDayInvalid(_ created: String) -> UIText {
        UIText(
            zh: "日期应在\(created)（建立事项）至今天之间",
            en: "The date must be between \(created), when the item was created, and today")
    }
    public static func ledgerStepText(_ step: RectificationStep) -> UIText {
        switch step {
        case .apply: UIText(zh: "整改完成情况", en: "What was done")
        case .return: UIText(zh: "退回理由", en: "Why it is returned")
        case .reopen: UIText(zh: "重新整改理由", en: "Why it is reopened")
        case .confirm, .close: UIText(zh: "意见", en: "Comment")
        }
    }
    public static let ledgerEvidenceMissing = UIText(
        zh: "申请销号须附佐证材料（PDF、图片或Excel），请选择文件后再提交",
        en:
            "An application for closure needs evidence (PDF, image or spreadsheet): choose a file and submit again"
    )
    public static func ledgerFigureUnresolved(_ figure: String) -> UIText {
        UIText(
            zh: "数据显示问题尚未解决（\(figure)），暂不能销号；解决后再申请",
            en: "The figures still show the problem (in Chinese: \(figure)); apply once it is solved")
    }
    public static let ledgerNew = UIText(zh: "新增整改事项", en: "New item")
    public static let ledgerNoticeList = UIText(
        zh: "打印通报约谈名单", en: "Print the notice-and-interview list (in Chinese)")
    public static let ledgerGenerate = UIText(
        zh: "从数据生成整改事项，整改时限", en: "Generate items from the figures, deadline")
    public static let ledgerGenerateButton = UIText(zh: "生成", en: "Generate")
    public static let ledgerGenerateHint = UIText(
        zh: "每个无已发布标准的试点证书、每对有欠费的院校与培训评价组织各一项；已有未销号事项的不重复生成。",
        en:
            "One item per piloted certificate without a published standard and per school and organisation with arrears; none where an item is still open."
    )
    public static func ledgerGenerated(_ created: Int, _ existing: Int) -> UIText {
        UIText(
            zh: "已生成\(created)个整改事项；\(existing)个问题已有未销号事项，未重复生成。",
            en: "\(created) items generated; \(existing) problems already have an open item.")
    }
    public static let ledgerFlaggedOnly = UIText(
        zh: "只看逾期或本月未报进展的事项", en: "Only overdue items or items without this month's progress")
    public static let ledgerLastProgress = UIText(zh: "最近进展", en: "Last progress")
    public static let ledgerLastLeaderReview = UIText(zh: "最近领导调度", en: "Last leader's review")
    public static let ledgerFlags = UIText(zh: "督办提示", en: "Flags")
    public static let ledgerResponsibleHint = UIText(
        zh: "院校、市县或培训评价组织的代码，可输入名称查找",
        en: "The code of the school, city or organisation; type a name to find it")
    public static let ledgerRoute = UIText(zh: "销号流程", en: "Closure route")
    public static let ledgerRouteApply = UIText(zh: "责任单位申请", en: "The responsible unit applies")
    public static let ledgerRouteCity = UIText(zh: "市县教育局复核确认", en: "the city bureau confirms")
    public static let ledgerRouteClose = UIText(zh: "对账销号", en: " closes it")
    public static let ledgerFigure = UIText(zh: "当前数据", en: "The figure now (in Chinese)")
    public static let ledgerSeeFigures = UIText(zh: "查看欠费明细", en: "See the arrears")
    public static let ledgerItem = UIText(zh: "整改事项", en: "Rectification item")
    public static let ledgerClosureForm = UIText(
        zh: "打印销号申请单（附件3）", en: "Print the closure application (attachment 3, in Chinese)")
    public static let ledgerHistory = UIText(zh: "整改记录", en: "History")
    public static let ledgerEntryDay = UIText(zh: "日期", en: "Date")
    public static let ledgerEntryKind = UIText(zh: "类型", en: "Kind")
    public static let ledgerFile = UIText(zh: "附件", en: "File")
    public static let ledgerEntryActor = UIText(zh: "办理人", en: "By")
    public static let ledgerEntryContent = UIText(zh: "内容", en: "Details")
    public static let ledgerAddProgress = UIText(
        zh: "报送整改进展或领导调度", en: "Report progress or a leader's review")
    public static let ledgerEntryDayHint = UIText(zh: "不填为今天", en: "Today if left empty")
    public static let ledgerLeaderHint = UIText(zh: "分管领导调度时必填", en: "Required for a leader's review")
    public static let ledgerApply = UIText(zh: "申请销号", en: "Apply for closure")
    public static let ledgerEvidence = UIText(zh: "佐证材料", en: "Evidence")
    public static let ledgerEvidenceHint = UIText(
        zh: "PDF、图片或Excel，如付款凭证、标准发布文件",
        en: "PDF, image or spreadsheet, e.g. the payment voucher or the published standard")
    public static let ledgerPersonMissing = UIText(
        zh: "尚未填写，请责任单位在“变更责任人”中填写",
        en: "Not given yet: the responsible unit enters it under “Change the responsible person”")
    public static func ledgerFirstShown(_ n: Int) -> UIText {
        UIText(
            zh: "显示最新的\(n)项；全部请导出 Excel，或按状态、类别筛选。",
            en: "The newest \(n) are shown; export to Excel for all, or filter by status or category.")
    }
    public static let ledgerImport = UIText(zh: "导入整改事项", en: "Import items")
    public static func ledgerImportHint(_ columns: String) -> UIText {
        UIText(
            zh: "CSV 或 Excel，列：\(columns)；全部无误才导入。",
            en: "CSV or Excel with the columns \(columns); imported only when every row is right.")
    }
    public static func ledgerImported(_ n: Int) -> UIText {
        UIText(zh: "已导入\(n)个整改事项。", en: "\(n) items imported.")
    }
    public static func eligibilityRevokedHome(_ year: Int) -> UIText {
        UIText(
            zh: "因双周报连续未报送，本校\(year)年度试点资格已被取消，期间的\(year)年度申报将被退回；请补报并联系省1+X办公室。",
            en:
                "Your school has lost its \(year) pilot eligibility for missed biweekly reports; applications for \(year) are refused until the province office restores it."
        )
    }
    public static func ledgerWaitingHome(_ n: Int) -> UIText {
        UIText(zh: "\(n)个整改事项的销号申请等待您办理", en: "\(n) closure applications wait for you")
    }
    public static func ledgerOpenHome(_ n: Int) -> UIText {
        UIText(
            zh: "本单位有\(n)个整改事项正在整改，请每月报送进展",
            en: "\(n) rectification items of your unit are open; report progress monthly")
    }
    public static let complianceAll = UIText(zh: "全部", en: "All")
    public static let complianceByRegion = UIText(zh: "按地市", en: "By city")
    public static let complianceBySchool = UIText(zh: "按院校", en: "By school")
    public static let complianceSchools = UIText(zh: "试点院校数", en: "Pilot schools")
    public static let complianceMissedCount = UIText(zh: "缺报", en: "Missed")
    public static func calendarTitle(_ year: Int) -> UIText {
        UIText(zh: "\(year)年报送日历", en: "Reports in \(year)")
    }
    public static func monthName(_ m: Int) -> UIText {
        let english = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return UIText(zh: "\(m)月", en: english[(m - 1) % 12])
    }
    public static let calendarMonth = UIText(zh: "月份", en: "Month")
    public static let calendarMissed = UIText(zh: "缺报", en: "Missed")
    public static let calendarUpcoming = UIText(zh: "未到期", en: "To come")
    // Public disclosure (AH41-12).
    public static let publicIndex = UIText(zh: "信息公开", en: "Public disclosure")
    public static let publicIndexIntro = UIText(
        zh: "以下信息无需登录即可查看、下载和订阅（Atom）：现行政策、试点院校、培训评价组织及其证书、已发布的考核费用标准、证书考核站点、师资培训信息。",
        en:
            "Read, download and follow (Atom) without an account: the policy in force, the pilot schools, the organisations and their certificates, the published fee standards, the exam sites, the teacher-training courses."
    )
    public static let publicIndexLink = UIText(
        zh: "信息公开：试点院校、培训评价组织、考核费用标准（无需登录）",
        en: "Public disclosure: pilot schools, organisations, fee standards (no login needed)")
    public static let publicFeed = UIText(zh: "订阅更新（Atom）", en: "Follow (Atom)")
    public static let publicPilotSchools = UIText(zh: "试点院校", en: "Pilot schools")
    public static func publicPilotSchoolsOf(_ year: Int) -> UIText {
        UIText(zh: "\(year)年度1+X证书制度试点院校", en: "Pilot schools of \(year)")
    }
    public static let publicPilotSchoolsIntro = UIText(
        zh: "按地市列出本年度有考核计划的试点院校及其试点证书；点击地市查看院校名单。",
        en:
            "Schools with an exam plan this year and the certificates they pilot, by city; choose a city for its schools."
    )
    public static let publicCity = UIText(zh: "地市", en: "City")
    public static let publicSchoolsCount = UIText(zh: "试点院校数", en: "Pilot schools")
    public static let publicSchoolKind = UIText(zh: "院校类型", en: "Kind")
    public static let publicCertificates = UIText(zh: "试点证书", en: "Certificates piloted")
    public static let publicCertificateName = UIText(zh: "证书名称", en: "Certificate name")
    public static let publicOrganizations = UIText(
        zh: "培训评价组织及其证书", en: "Organisations and their certificates")
    public static let publicBatchHeader = UIText(zh: "批次", en: "Batch")
    public static func publicBatch(_ n: Int) -> UIText { UIText(zh: "第\(n)批", en: "Batch \(n)") }
    public static let publicLevels = UIText(zh: "等级", en: "Levels")
    public static let publicFeeYuan = UIText(zh: "考核费用（元）", en: "Fee (yuan)")
    public static let publicEffectiveFrom = UIText(zh: "执行日期", en: "In force from")
    public static let publicDocumentNumber = UIText(zh: "发布文号", en: "Document number")
    public static let ledgerSearch = UIText(zh: "编号、问题或责任单位", en: "Number, problem or unit")
    public static let ledgerChangePerson = UIText(zh: "变更责任人", en: "Change the responsible person")

    // Exam sites (AH41-3).
    public static let navSites = UIText(zh: "考核站点", en: "Exam sites")
    public static let siteIntro = UIText(
        zh: "试点院校可申报设立证书考核站点，经证书试点联盟牵头院校审核、培训评价组织批准后设立；原则上有试点院校的设区市至少设置一个相关证书考核站点。",
        en:
            "A pilot school may apply to host an exam site for a certificate; the alliance's lead school reviews it and the organisation approves it. Every city with pilot schools of a certificate should have at least one site for it."
    )
    public static let siteNew = UIText(zh: "申报考核站点", en: "Apply for an exam site")
    public static let siteNewIntro = UIText(
        zh: "请填写站点的场地、容量、设备和联系人。提交后由证书试点联盟牵头院校审核，再由培训评价组织审批。",
        en:
            "Give the site's place, capacity, equipment and contact. The alliance's lead school reviews it, then the organisation decides."
    )
    public static let siteApply = UIText(zh: "提交申报", en: "Apply")
    public static let siteTitle = UIText(zh: "考核站点", en: "Exam site")
    public static let siteSearch = UIText(zh: "编号、场地、院校或证书", en: "Number, place, school or certificate")
    public static let siteWaitingForMe = UIText(zh: "只看待我处理的", en: "Only those waiting for me")
    public static let siteNumber = UIText(zh: "站点编号", en: "Site No.")
    public static let siteSchool = UIText(zh: "承建院校", en: "Host school")
    public static let siteOrganization = UIText(zh: "培训评价组织", en: "Organisation")
    public static let siteCertificate = UIText(zh: "证书", en: "Certificate")
    public static let siteCertificateHint = UIText(
        zh: "只能为本校正在试点的证书申报站点", en: "Only for a certificate your school pilots")
    public static let sitePlace = UIText(zh: "场地名称", en: "Place")
    public static let sitePlaceHint = UIText(
        zh: "如：实训楼三层计算机实训室", en: "e.g. Training building, 3rd floor, computer room")
    public static let siteAddress = UIText(zh: "地址", en: "Address")
    public static let siteCapacity = UIText(zh: "容纳考生人数", en: "Candidates at once")
    public static let siteCapacityInvalid = UIText(
        zh: "容纳考生人数应为 1 到 1000000 之间的整数", en: "Candidates at once must be a whole number from 1 to 1000000")
    public static let siteEquipment = UIText(zh: "设备条件", en: "Equipment")
    public static let siteContact = UIText(zh: "站点联系人", en: "Site contact")
    public static let siteWaitingFor = UIText(zh: "待办理", en: "Waiting for")
    public static let siteAppliedOn = UIText(zh: "申报日期", en: "Applied on")
    public static let siteApprovedOn = UIText(zh: "设立日期", en: "Approved on")
    public static let siteRoute = UIText(zh: "审批流程", en: "Route")
    public static let siteRouteAlliance = UIText(
        zh: "院校申报 → 证书试点联盟牵头院校审核 → 培训评价组织审批",
        en: "The school applies → the alliance's lead school reviews → the organisation decides")
    public static let siteRouteNoAlliance = UIText(
        zh: "院校申报 → 培训评价组织审批（该证书暂无试点联盟牵头院校）",
        en: "The school applies → the organisation decides (the certificate has no alliance lead school)")
    public static let siteReason = UIText(zh: "理由", en: "Reason")
    public static func persons(_ n: Int) -> UIText { UIText(zh: "\(n)人", en: "\(n)") }
    public static func siteUnknownCertificate(_ code: String) -> UIText {
        UIText(
            zh: "没有代码为“\(code)”的证书，请从列表中选择", en: "There is no certificate “\(code)”; choose one from the list"
        )
    }
    public static func siteNotPiloted(_ name: String) -> UIText {
        UIText(
            zh: "本校未试点“\(name)”，只能为正在试点的证书申报考核站点",
            en:
                "Your school does not pilot this certificate (in Chinese: \(name)); a site is for a certificate you pilot"
        )
    }
    public static let siteCoverage = UIText(zh: "站点覆盖情况", en: "Site coverage")
    public static let siteCoverageIntro = UIText(
        zh: "每个证书在有其试点院校的设区市是否已有已设立的考核站点。点击矩阵中的格子查看该市该证书的试点院校和站点。",
        en:
            "For every certificate, whether each city with pilot schools of it has an approved exam site. Choose a cell to see the schools and the sites."
    )
    public static func siteCoverageSummary(_ cells: Int, _ gaps: Int) -> UIText {
        UIText(
            zh: "共\(cells)个“证书 × 地市”需要站点，其中\(gaps)个尚无站点。",
            en: "\(cells) certificate × city pairs need a site; \(gaps) have none yet.")
    }
    public static func siteCoverageTile(_ covered: Int, _ total: Int) -> UIText {
        UIText(zh: "\(covered)/\(total)个证书有站点", en: "\(covered) of \(total) covered")
    }
    public static func siteCoverageCovered(_ sites: Int) -> UIText {
        UIText(zh: "有站点\(sites)个", en: "\(sites) site\(sites == 1 ? "" : "s")")
    }
    public static func siteCoverageGap(_ schools: Int) -> UIText {
        UIText(zh: "缺站点（\(schools)校）", en: "No site (\(schools) school\(schools == 1 ? "" : "s"))")
    }
    public static let siteCoverageEmpty = UIText(zh: "该年度没有试点院校", en: "No pilot schools this year")
    public static let siteCoverageGapsOnly = UIText(zh: "只看有缺口的证书", en: "Only certificates with gaps")
    public static let siteCoverageByCity = UIText(zh: "各地市站点覆盖", en: "Coverage by city")
    public static let siteCoverageMatrix = UIText(zh: "证书 × 地市", en: "Certificate × city")
    public static let siteCoverageCertificates = UIText(zh: "试点证书数", en: "Certificates piloted")
    public static let siteCoverageCoveredCount = UIText(zh: "有站点的证书数", en: "With a site")
    public static let siteCoverageGaps = UIText(zh: "缺站点的证书数", en: "Without a site")
    public static let siteCoverageSchools = UIText(zh: "该市的试点院校", en: "Pilot schools in the city")
    public static let siteCoveragePlanned = UIText(zh: "计划考核人数", en: "Planned candidates")
    public static let siteCoverageNoSite = UIText(
        zh: "该市尚无此证书的考核站点", en: "No site for this certificate in the city yet")
    public static let siteCoverageSchoolsCount = UIText(zh: "试点院校数", en: "Pilot schools")
    public static let siteCoverageSitesCount = UIText(zh: "站点数", en: "Sites")
    public static let siteCoverageCoveredColumn = UIText(zh: "已覆盖", en: "Covered")
    public static let publicSites = UIText(zh: "证书考核站点", en: "Exam sites")
    public static let publicSitesIntro = UIText(
        zh: "经证书试点联盟审核、培训评价组织批准设立的考核站点，按地市列出。考生可就近参加考核。",
        en:
            "Exam sites approved by the organisations after the alliances' review, by city, so candidates can sit exams near them."
    )
    public static let publicAllCities = UIText(zh: "全部地市", en: "All cities")
    public static func unfiledExamDaysHome(_ n: Int) -> UIText {
        UIText(zh: "本年度有\(n)个考核日没有对应的考核报备", en: "\(n) exam day\(n == 1 ? "" : "s") this year \(n == 1 ? "has" : "have") no exam filing")
    }
    public static func sitesWaitingHome(_ n: Int) -> UIText {
        UIText(zh: "\(n)个考核站点申报等待您审核", en: "\(n) exam-site application\(n == 1 ? "" : "s") waiting for you")
    }

    // Teacher training (AH41-6).
    public static let navTraining = UIText(zh: "师资培训", en: "Teacher training")
    public static let trainingIntro = UIText(
        zh: "培训评价组织开展X证书师资培训：来自行业企业的专家比例应不少于40%，培训费用不得超出教育部有关规定的标准。院校为本校教师报名，评价组织登记每位教师取得的培训师、考评员资格。",
        en:
            "Organisations run X-certificate teacher training: at least 40% of the trainers from industry and enterprises, and a fee within the MoE standard. Schools enrol their teachers; the organisation records the trainer and examiner qualifications each gained."
    )
    public static let trainingNew = UIText(zh: "发布培训", en: "Announce a course")
    public static let trainingTitle = UIText(zh: "培训名称", en: "Course title")
    public static let trainingPlace = UIText(zh: "培训地点", en: "Place")
    public static let trainingCertificate = UIText(zh: "证书", en: "Certificate")
    public static let trainingLevel = UIText(zh: "等级", en: "Level")
    public static let trainingStartsOn = UIText(zh: "开始日期", en: "From")
    public static let trainingEndsOn = UIText(zh: "结束日期", en: "To")
    public static let trainingFee = UIText(zh: "每人培训费", en: "Fee per head")
    public static let trainingSeats = UIText(zh: "名额", en: "Places")
    public static let trainingNumber = UIText(zh: "培训编号", en: "Course No.")
    public static let trainingTrainers = UIText(zh: "培训师资", en: "Trainers")
    public static let trainingTrainerName = UIText(zh: "培训师姓名", en: "Trainer's name")
    public static let trainingTrainerEmployer = UIText(zh: "工作单位", en: "Employer")
    public static let trainingFromIndustry = UIText(zh: "行业企业专家", en: "From industry")
    public static let trainingTrainersHint = UIText(
        zh: "每行一位培训师；来自行业企业的勾选“行业企业专家”。空行不计。",
        en:
            "One trainer per line; tick “From industry” for those from industry or enterprises. Empty lines are ignored."
    )
    public static let trainingIndustryShare = UIText(zh: "行业企业专家占比", en: "From industry")
    public static let trainingEnrolled = UIText(zh: "已报名", en: "Enrolled")
    public static func trainingOwnCertificate(_ code: String) -> UIText {
        UIText(
            zh: "“\(code)”不是本组织的证书，只能为本组织的证书发布培训",
            en: "“\(code)” is not one of your certificates; announce courses for your own certificates")
    }
    public static let trainingDates = UIText(
        zh: "请填写开始和结束日期（YYYY-MM-DD），结束日期不能早于开始日期",
        en: "Give the first and last day (YYYY-MM-DD), the last not before the first")
    public static let trainingStartsPast = UIText(
        zh: "开始日期应为今天或以后", en: "The course must start today or later")
    public static let trainingFeeInvalid = UIText(
        zh: "每人培训费应为 0 到 1 亿元之间的金额，最多两位小数",
        en: "The fee per head is an amount from 0 to 100 million yuan with at most two decimals")
    public static let trainingSeatsInvalid = UIText(
        zh: "名额应为 1 到 10000 之间的整数", en: "Places must be a whole number from 1 to 10000")
    public static func trainingTrainerIncomplete(_ line: Int) -> UIText {
        UIText(zh: "第\(line)位培训师的姓名和工作单位都要填写", en: "Trainer \(line) needs both a name and an employer")
    }
    public static let trainingTooManyTrainers = UIText(zh: "培训师最多50位", en: "At most 50 trainers")
    public static let trainingNoTrainers = UIText(zh: "请至少填写一位培训师", en: "Give at least one trainer")
    public static func trainingIndustryShareBelow(_ industry: Int, _ all: Int, _ percent: Int) -> UIText {
        let share = all == 0 ? "0" : String(format: "%.1f", Double(industry) * 100 / Double(all))
        let needed = (percent * all + 99) / 100
        return UIText(
            zh: "行业企业专家\(industry)人，占培训师\(all)人的\(share)%，应不少于\(percent)%（至少\(needed)人）；请增加行业企业专家后再提交",
            en:
                "\(industry) of \(all) trainers (\(share)%) are from industry; at least \(percent)% (\(needed)) are required: add industry trainers and submit again"
        )
    }
    public static func trainingFeeAboveCap(_ fee: Int, _ cap: Int, _ days: Int, _ perDay: Int) -> UIText {
        UIText(
            zh:
                "每人培训费\(Fen.displayText(fee))，超过上限\(Fen.displayText(cap))（\(Fen.displayText(perDay))/人·天 × \(days)天）；请降低培训费",
            en:
                "The fee per head, \(Fen.displayText(fee)), is above the cap of \(Fen.displayText(cap)) (\(Fen.displayText(perDay)) per head and day × \(days) days): lower it"
        )
    }
    public static let trainingTeacherName = UIText(zh: "教师姓名", en: "Teacher's name")
    public static let trainingTeacherID = UIText(zh: "身份证号", en: "ID number")
    public static let trainingTeacherIDHint = UIText(
        zh: "选填；只保存加密摘要，用于识别同一位教师", en: "Optional; only a keyed hash is kept, to recognise the same teacher")
    public static let trainingTeacherIDInvalid = UIText(
        zh: "身份证号无效，请核对18位号码", en: "The ID number is not valid; check its 18 characters")
    public static let trainingOutcome = UIText(zh: "培训结果", en: "Outcome")
    public static let trainingCertificateNumber = UIText(zh: "资格证书编号", en: "Qualification No.")
    public static let trainingCertificateNumberNeeded = UIText(
        zh: "取得培训师或考评员资格的，请填写资格证书编号", en: "A trainer or examiner qualification needs its certificate number")
    public static let trainingEnrol = UIText(zh: "为本校教师报名", en: "Enrol a teacher of your school")
    public static let trainingParticipants = UIText(zh: "参训教师", en: "Teachers enrolled")
    public static let trainingQualifications = UIText(zh: "教师资格情况", en: "Teachers' qualifications")
    public static let trainingQualificationsIntro = UIText(
        zh: "各院校参加X证书师资培训的教师中取得培训师、考评员资格的人数和比例，按比例排名。一位教师多次参训只计一次。",
        en:
            "Per school, of its teachers trained, how many hold a trainer's or an examiner's qualification, ranked by share. A teacher trained more than once counts once."
    )
    public static let trainingTeachers = UIText(zh: "参训教师数", en: "Teachers trained")
    public static let trainingTrainersQualified = UIText(zh: "培训师", en: "Trainers")
    public static let trainingExaminersQualified = UIText(zh: "考评员", en: "Examiners")
    public static let trainingQualifiedShare = UIText(zh: "取得资格比例", en: "Qualified share")
    public static let trainingRank = UIText(zh: "排名", en: "Rank")
    public static let trainingSearch = UIText(zh: "编号、名称或证书", en: "Number, title or certificate")
    public static let trainingSave = UIText(zh: "保存", en: "Save")
    public static let trainingAnnounce = UIText(zh: "发布", en: "Announce")
    public static let trainingDays = UIText(zh: "培训日期", en: "Dates")
    public static let trainingQualifiedCount = UIText(zh: "取得资格人数", en: "Qualified")
    public static let publicTraining = UIText(zh: "师资培训信息", en: "Teacher training")

    // Teacher workload (AH41-7).
    public static let navWorkload = UIText(zh: "X证书培训课时", en: "Training hours")
    public static let workloadIntro = UIText(
        zh: "登记教师承担X证书培训的课时，课酬按普通课时的倍数折算；每位教师的X证书培训年限与双师型教师认定挂钩。同一教师、学期和证书再次登记时以新课时为准。",
        en:
            "Record teachers' X-certificate training hours; they are paid as a multiple of ordinary class hours, and each teacher's years of X-certificate training count toward recognition as a double-qualified teacher. Recording the same teacher, term and certificate again replaces the hours."
    )
    public static let workloadTerm = UIText(zh: "学期", en: "Term")
    public static let workloadYear = UIText(zh: "年度", en: "Year")
    public static let workloadHours = UIText(zh: "培训课时", en: "Training hours")
    public static let workloadPayable = UIText(zh: "折算课时", en: "Payable hours")
    public static let workloadTerms = UIText(zh: "学期数", en: "Terms")
    public static let workloadYears = UIText(zh: "X证书培训年限", en: "Years of X-certificate training")
    public static let workloadRecord = UIText(zh: "登记课时", en: "Record hours")
    public static let workloadHoursInvalid = UIText(
        zh: "培训课时应为 1 到 2000 之间的整数", en: "Hours must be a whole number from 1 to 2000")
    public static func workloadYearInvalid(_ year: Int) -> UIText {
        UIText(zh: "年度应在\(year - 5)至\(year)年之间", en: "The year must be from \(year - 5) to \(year)")
    }
    public static func workloadMultiplierNote(_ m: Double) -> UIText {
        let text = m == m.rounded() ? String(Int(m)) : String(m)
        return UIText(
            zh: "折算课时 = 培训课时 × \(text)（省级政策）",
            en: "Payable hours = training hours × \(text) (province policy)")
    }

    // Complaints (AH41-2).
    public static let navComplaints = UIText(zh: "投诉处理", en: "Complaints")
    public static let complaintIntro = UIText(
        zh: "试点院校、市县教育局和培训评价组织可向省试点工作协调推进办公室投诉培训评价组织或证书的问题；省办受理、调查核实，可转评价组织答复，必要时将材料和建议报教育部。投诉单位可随时查看办理进度。",
        en:
            "Pilot schools, city bureaus and organisations may complain about an organisation or a certificate to the province office, which takes it up, investigates, may ask the organisation for a reply, and reports to the MoE where needed. The complainant can follow it at any time."
    )
    public static let complaintNew = UIText(zh: "提交投诉", en: "File a complaint")
    public static let complaintNumber = UIText(zh: "投诉编号", en: "Complaint No.")
    public static let complaintOrganization = UIText(zh: "被投诉的培训评价组织", en: "Organisation complained about")
    public static let complaintCertificate = UIText(zh: "涉及证书", en: "Certificate concerned")
    public static let complaintCertificateHint = UIText(
        zh: "选填，证书代码，如 1-004", en: "Optional, a certificate code such as 1-004")
    public static let complaintWhat = UIText(zh: "投诉事项", en: "What happened")
    public static let complaintOccurredOn = UIText(
        zh: "发生日期应为今天或以前的日期（YYYY-MM-DD）", en: "The day it happened must be today or earlier (YYYY-MM-DD)")
    public static let complaintWhen = UIText(zh: "发生日期", en: "When it happened")
    public static let complaintEvidence = UIText(zh: "佐证材料", en: "Evidence")
    public static let complaintComplainant = UIText(zh: "投诉单位", en: "Complainant")
    public static let complaintFiledOn = UIText(zh: "提交日期", en: "Filed on")
    public static let complaintForwardedOn = UIText(zh: "转评价组织日期", en: "Sent to the organisation on")
    public static let complaintReportedOn = UIText(zh: "报教育部日期", en: "Reported to the MoE on")
    public static let complaintHistory = UIText(zh: "办理过程", en: "History")
    public static let complaintFiled = UIText(zh: "提交投诉", en: "Filed")
    public static let complaintReportDay = UIText(
        zh: "请填写报教育部的日期（今天或以前）", en: "Give the day it was reported to the MoE (today or earlier)")
    public static let complaintNotAboutOwn = UIText(
        zh: "不能投诉本组织", en: "An organisation cannot complain about itself")
    public static let complaintCertificateNotOfOrganization = UIText(
        zh: "该证书不属于被投诉的培训评价组织，请核对证书代码", en: "That certificate is not the organisation's; check the code")
    public static func complaintUnknownOrganization(_ code: String) -> UIText {
        UIText(zh: "没有代码为“\(code)”的培训评价组织", en: "There is no organisation “\(code)”")
    }
    public static func complaintStepText(_ step: ComplaintStep) -> UIText {
        switch step {
        case .accept: UIText(zh: "受理意见", en: "Comment on taking it up")
        case .forward: UIText(zh: "请评价组织答复的事项", en: "What the organisation is to answer")
        case .reply: UIText(zh: "答复内容", en: "Reply")
        case .reportToMoE: UIText(zh: "报送材料和建议", en: "Materials and advice reported")
        case .close: UIText(zh: "调查核实结论", en: "Findings")
        }
    }
    public static let complaintReportDayLabel = UIText(zh: "报教育部日期", en: "Reported on")

    // Certificate admission and exit per school (AH41-2).
    public static let navDecisions = UIText(zh: "证书准入与退出", en: "Admission and exit")
    public static let decisionIntro = UIText(
        zh: "试点院校建立证书准入与退出机制：准入须经本校专家组织论证，退出须说明理由。按院校和证书列出，可导出。",
        en:
            "Pilot schools admit a certificate after their experts argued for it and exit one with a reason. Listed by school and certificate; exportable."
    )
    public static let decisionRecord = UIText(zh: "登记准入或退出", en: "Record an admission or exit")
    public static let decisionKind = UIText(zh: "准入/退出", en: "Admission or exit")
    public static let decisionDayLabel = UIText(zh: "决定日期", en: "Decided on")
    public static let decisionDay = UIText(
        zh: "决定日期应为今天或以前的日期（YYYY-MM-DD）", en: "The day of the decision must be today or earlier (YYYY-MM-DD)")
    public static let decisionJustificationLabel = UIText(
        zh: "专家论证意见或退出理由", en: "Experts' justification or reason")
    public static let decisionJustificationHint = UIText(
        zh: "准入填写专家论证意见；退出填写退出理由", en: "For an admission the experts' justification; for an exit the reason")
    public static func decisionJustification(_ kind: CertificateDecisionKind) -> UIText {
        kind == .admit
            ? UIText(zh: "专家论证意见", en: "Experts' justification") : UIText(zh: "退出理由", en: "Reason for exit")
    }
    public static let decisionExperts = UIText(zh: "论证专家", en: "Experts")
    public static let decisionExpertsHint = UIText(
        zh: "准入时必填，如：王建国（河南经贸职业学院）、李秀英", en: "Required for an admission, e.g. the experts' names and units")

    // Organisations' filings (AH41-4).
    public static let navFilings = UIText(zh: "活动报备", en: "Activity filings")
    public static let filingIntro = UIText(
        zh: "培训评价组织在省内开展证书标准宣贯、师资培训、考核等工作，须会同证书试点院校联盟向省试点工作协调推进办公室报备：评价组织填报，联盟牵头院校会签，省办确认备案或要求补充。",
        en:
            "Organisations file the standard briefings, teacher trainings and exams they hold in the province: the organisation files, the alliance's lead school co-signs, the province office acknowledges or asks for more."
    )
    public static let filingNew = UIText(zh: "填报活动", en: "File an activity")
    public static let filingNumber = UIText(zh: "报备编号", en: "Filing No.")
    public static let filingKind = UIText(zh: "活动类型", en: "Kind")
    public static let filingTitle = UIText(zh: "活动名称", en: "Title")
    public static let filingParticipants = UIText(zh: "参加人数", en: "Participants")
    public static let filingParticipantsInvalid = UIText(
        zh: "参加人数应为 0 到 1000000 之间的整数", en: "Participants must be a whole number from 0 to 1000000")
    public static let filingMonth = UIText(zh: "月份", en: "Month")
    public static let filingNoneInMonth = UIText(zh: "本月没有报备的活动", en: "No activity filed for this month")
    public static let filingUnfiled = UIText(zh: "未报备的考核", en: "Exams not filed")
    public static let filingUnfiledIntro = UIText(
        zh: "本年度已录入或导入考核结果、但没有覆盖当天的“考核”报备的证书和日期。",
        en:
            "Days of this year with exam results entered or imported for a certificate that no exam filing covers."
    )
    public static func filingUnfiledNewest(_ shown: Int, _ count: Int) -> UIText {
        UIText(
            zh: "共\(count)个未报备的考核日，下表列出最近的\(shown)个；全部可通过接口 /api/v1/filings/unfiled-exams 分页查询。",
            en: "\(count) exam days are not filed; the newest \(shown) are listed. All of them are paged through /api/v1/filings/unfiled-exams.")
    }
    public static let filingNoUnfiled = UIText(zh: "没有未报备的考核", en: "Every exam is filed")
    public static let filingExamDay = UIText(zh: "考核日期", en: "Exam day")
    public static let filingSchools = UIText(zh: "院校数", en: "Schools")
    public static let filingDays = UIText(zh: "活动日期", en: "Dates")
    public static let filingPlace = UIText(zh: "活动地点", en: "Place")
}
