from django.urls import path

from thidua.proposals.views import actions, bulk, decisions, documents, files, pages, register, rounds, statistics

urlpatterns = [
    path("de-nghi-khen-thuong/", pages.proposal_list, name="proposal_list"),
    path("de-nghi-khen-thuong/tai-ve.xlsx", pages.proposal_list_xlsx, name="proposal_list_xlsx"),
    path("de-nghi-khen-thuong/lap/", pages.proposal_create, name="proposal_create"),
    path("de-nghi-khen-thuong/dot/lap/", rounds.round_create, name="round_create"),
    path("de-nghi-khen-thuong/dot/<id:pk>/", rounds.round_detail, name="round_detail"),
    path("de-nghi-khen-thuong/dot/<id:pk>/gui/", rounds.round_submit, name="round_submit"),
    path("de-nghi-khen-thuong/dot/tep/<id:pk>/", rounds.round_file, name="round_file"),
    path("de-nghi-khen-thuong/phe-duyet-nhieu/", bulk.approve_many, name="proposals_approve_many"),
    path("de-nghi-khen-thuong/tra-lai-nhieu/", bulk.return_many, name="proposals_return_many"),
    path("de-nghi-khen-thuong/<id:pk>/", pages.proposal_detail, name="proposal_detail"),
    path("de-nghi-khen-thuong/<id:pk>/sua/", pages.proposal_edit, name="proposal_edit"),
    path(
        "de-nghi-khen-thuong/<id:pk>/bao-cao-thanh-tich.docx", pages.proposal_report_docx, name="proposal_report_docx"
    ),
    path("de-nghi-khen-thuong/<id:pk>/to-trinh-<slug:level>.docx", documents.submission_docx, name="submission_docx"),
    path(
        "de-nghi-khen-thuong/thong-bao-cong-khai-<year:year>.docx",
        documents.public_notice_docx_view,
        name="public_notice_docx",
    ),
    path("de-nghi-khen-thuong/<id:pk>/bao-cao-tom-tat.docx", documents.summary_report_view, name="summary_report_docx"),
    path("de-nghi-khen-thuong/<id:pk>/gui/", actions.proposal_submit, name="proposal_submit"),
    path("de-nghi-khen-thuong/<id:pk>/tiep-nhan/", actions.proposal_accept, name="proposal_accept"),
    path("de-nghi-khen-thuong/<id:pk>/tra-lai/", actions.proposal_return, name="proposal_return"),
    path("de-nghi-khen-thuong/<id:pk>/phe-duyet/", actions.proposal_approve, name="proposal_approve"),
    path(
        "de-nghi-khen-thuong/<id:pk>/huy-tiep-nhan/", actions.proposal_undo_acceptance, name="proposal_undo_acceptance"
    ),
    path("de-nghi-khen-thuong/<id:pk>/huy-phe-duyet/", actions.proposal_undo_approval, name="proposal_undo_approval"),
    path("de-nghi-khen-thuong/<id:pk>/trinh-cap-tren/", actions.proposal_forward, name="proposal_forward"),
    path("de-nghi-khen-thuong/<id:pk>/khong-phe-duyet/", actions.proposal_reject, name="proposal_reject"),
    path("de-nghi-khen-thuong/<id:pk>/ly-do-dac-cach/", actions.proposal_override, name="proposal_override"),
    path(
        "de-nghi-khen-thuong/<id:pk>/quyet-dinh-cap-tren/",
        actions.proposal_record_decision,
        name="proposal_record_decision",
    ),
    path("de-nghi-khen-thuong/<id:pk>/xet-lai/", actions.proposal_reassess, name="proposal_reassess"),
    path("de-nghi-khen-thuong/<id:pk>/ho-so/them/", files.proposal_attach, name="proposal_attach"),
    path("de-nghi-khen-thuong/ho-so/<id:pk>/", files.dossier_file, name="dossier_file"),
    path("de-nghi-khen-thuong/ho-so/<id:pk>/xoa/", files.dossier_file_delete, name="dossier_file_delete"),
    path("quyet-dinh-khen-thuong/", decisions.decision_list, name="decision_list"),
    path("quyet-dinh-khen-thuong/quyet-dinh-khen-thuong.xlsx", decisions.decision_list_xlsx, name="decision_list_xlsx"),
    path("quyet-dinh-khen-thuong/ban-hanh/", decisions.decision_issue, name="decision_issue"),
    path("quyet-dinh-khen-thuong/xem-truoc/", decisions.decision_preview, name="decision_preview"),
    path("quyet-dinh-khen-thuong/<id:pk>/", decisions.decision_detail, name="decision_detail"),
    path("quyet-dinh-khen-thuong/<id:pk>/huy-bo/", decisions.decision_revoke, name="decision_revoke"),
    path("quyet-dinh-khen-thuong/<id:pk>/quyet-dinh.docx", decisions.decision_file, name="decision_docx"),
    path(
        "quyet-dinh-khen-thuong/<id:pk>/danh-sach-<slug:code>.docx",
        decisions.decision_list_file,
        name="decision_list_docx",
    ),
    path(
        "quyet-dinh-khen-thuong/chung-nhan/<id:pk>.docx",
        decisions.award_certificate_file,
        name="award_certificate_docx",
    ),
    path("quyet-dinh-khen-thuong/giay-khen/<id:pk>.docx", decisions.certificate_file, name="certificate_docx"),
    path("quyet-dinh-khen-thuong/<id:pk>/giay-khen.docx", decisions.certificates_file, name="certificates_docx"),
    path(
        "quyet-dinh-khen-thuong/<id:pk>/giay-chung-nhan.docx",
        decisions.award_certificates_file,
        name="award_certificates_docx",
    ),
    path(
        "quyet-dinh-khen-thuong/<id:pk>/giay-khen-in-phoi.docx",
        decisions.certificates_on_blank,
        name="certificates_on_blank_docx",
    ),
    path("so-khen-thuong/", register.award_register, name="award_register"),
    path("so-khen-thuong/so-khen-thuong.xlsx", register.award_register_xlsx, name="award_register_xlsx"),
    path("thong-ke/khen-thuong/", statistics.award_statistics, name="award_statistics"),
    path(
        "thong-ke/khen-thuong/thong-ke-khen-thuong.xlsx", statistics.award_statistics_xlsx, name="award_statistics_xlsx"
    ),
    path("khen-thuong/cai-dat/", register.commendation_settings, name="commendation_settings"),
    path("khen-thuong/cai-dat/luong-co-so/<id:pk>/xac-nhan/", register.base_salary_confirm, name="base_salary_confirm"),
    path("khen-thuong/cai-dat/quy-tac-chi/", register.payment_rule_record, name="payment_rule_record"),
    path(
        "khen-thuong/cai-dat/mau-giay-khen/", register.certificate_template_upload, name="certificate_template_upload"
    ),
    path("khen-thuong/cai-dat/mau-giay-khen.docx", register.certificate_template, name="certificate_template"),
    path("khen-thuong/cai-dat/phoi-giay-khen/", register.blank_layout_record, name="blank_layout_record"),
    path("khen-thuong/cai-dat/phoi-giay-khen/luoi.docx", register.blank_grid, name="blank_grid"),
]
