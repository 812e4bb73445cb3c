; Registers Contacts Softphone as a handler for tel:, callto: and sms: links the way Windows
; expects since Windows 8: a ProgID plus Capabilities\URLAssociations listed under
; RegisteredApplications. The user then picks it in Settings > Default apps; nothing is taken
; over silently. SHCTX follows the per-user / per-machine choice of the installer.
!define SOFTPHONE_PROGID "ContactsSoftphone.Url"
!define SOFTPHONE_CAPS "Software\ContactsSoftphone\Capabilities"

!macro customInstall
  WriteRegStr SHCTX "Software\Classes\${SOFTPHONE_PROGID}" "" "Contacts Softphone link"
  WriteRegStr SHCTX "Software\Classes\${SOFTPHONE_PROGID}" "URL Protocol" ""
  WriteRegStr SHCTX "Software\Classes\${SOFTPHONE_PROGID}\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHCTX "Software\Classes\${SOFTPHONE_PROGID}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  WriteRegStr SHCTX "${SOFTPHONE_CAPS}" "ApplicationName" "Contacts Softphone"
  WriteRegStr SHCTX "${SOFTPHONE_CAPS}" "ApplicationDescription" "Softphone with your own address book"
  WriteRegStr SHCTX "${SOFTPHONE_CAPS}\URLAssociations" "tel" "${SOFTPHONE_PROGID}"
  WriteRegStr SHCTX "${SOFTPHONE_CAPS}\URLAssociations" "callto" "${SOFTPHONE_PROGID}"
  WriteRegStr SHCTX "${SOFTPHONE_CAPS}\URLAssociations" "sms" "${SOFTPHONE_PROGID}"
  WriteRegStr SHCTX "Software\RegisteredApplications" "Contacts Softphone" "${SOFTPHONE_CAPS}"
!macroend

!macro customUnInstall
  DeleteRegValue SHCTX "Software\RegisteredApplications" "Contacts Softphone"
  DeleteRegKey SHCTX "Software\ContactsSoftphone"
  DeleteRegKey SHCTX "Software\Classes\${SOFTPHONE_PROGID}"
!macroend
